using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Pictures;

/// <summary>
/// Fetches a picture an article names by its web address, once, so the page shows renditions of its own instead of
/// linking another site's file. Only https, only public addresses (checked on the address each connection actually
/// uses, redirects included, so DNS cannot point it inward), at most <see cref="PictureRenderer.MaxBytes"/>, an
/// <c>image/*</c> answer within <see cref="Timeout"/>.
/// </summary>
public sealed class PictureFetcher : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly bool _anyNetwork;

    public PictureFetcher(IOptions<PipelineOptions> options)
    {
        _anyNetwork = options.Value.FetchPicturesFromPrivateNetworks;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 3,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("PipelineNewsDesk/1.0 (picture fetch)");
        _http.DefaultRequestHeaders.Accept.ParseAdd("image/*");
    }

    /// <summary>Whether <paramref name="address"/> is one this fetcher would try: https (http too when tests allow any network).</summary>
    public bool Fetches(Uri address) => address.Scheme == Uri.UriSchemeHttps || (_anyNetwork && address.Scheme == Uri.UriSchemeHttp);

    /// <summary>The picture's bytes, or why it was not fetched.</summary>
    public async Task<(byte[]? Bytes, string? Problem)> FetchAsync(Uri address, CancellationToken cancellationToken)
    {
        if (!Fetches(address))
        {
            return (null, "only https addresses are fetched");
        }

        try
        {
            using var response = await _http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"the address answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is null || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"the address gave {type ?? "no content type"}, not a picture");
            }

            if (PictureRenderer.TooLarge(response.Content.Headers.ContentLength) is { } declared)
            {
                return (null, declared);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (PictureRenderer.TooLarge(copy.Length + read) is { } tooLarge)
                {
                    return (null, tooLarge);
                }

                copy.Write(buffer, 0, read);
            }

            return (copy.ToArray(), null);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"the address could not be fetched: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"the address did not answer within {Timeout.TotalSeconds:0} seconds");
        }
    }

    /// <summary>False for loopback, private, link-local (the metadata endpoint), shared, multicast and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var address = addresses.FirstOrDefault(a => _anyNetwork || IsPublic(a))
            ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a public address");
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
