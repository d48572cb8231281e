using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pipeline.Functions.Access;

/// <summary>
/// Whether a key is one of the app's function keys, as the Functions host itself decides: by calling this app's
/// key-protected <c>GET /api/access/key</c> with it. The management routes are anonymous to the host (so that an
/// Entra token can reach them), and the host does not pass its key verdict to an isolated worker that takes HTTP
/// through ASP.NET Core (it forwards the request, not the identities it found), so the app asks. A verdict is kept
/// for five minutes (a refused key for one), by the key's SHA-256, so one editor's session costs one check.
/// </summary>
public sealed class HostKeyCheck
{
    public const string Route = "api/access/key";

    /// <summary>The header a key travels in, as the Functions host reads it.</summary>
    public const string KeyHeader = "x-functions-key";

    private static readonly TimeSpan KeepValid = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KeepRefused = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 1_000;

    private readonly ConcurrentDictionary<string, (bool Valid, DateTimeOffset Until)> verdicts = new(StringComparer.Ordinal);
    private readonly HttpClient http;
    private readonly Uri? checkUrl;
    private readonly TimeProvider clock;

    public HostKeyCheck(IOptions<AccessOptions> options, IConfiguration configuration, TimeProvider clock, HttpMessageHandler? handler = null)
    {
        this.clock = clock;
        checkUrl = options.Value.KeyCheckUrl
            ?? (configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host ? new Uri($"https://{host}/{Route}") : null);
        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>The key a request carries, where the Functions host looks: the header, else <c>?code=</c>; null for none.</summary>
    public static string? KeyOf(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers[KeyHeader].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();

    /// <summary>Where keys are checked; null where neither a setting nor the platform names it.</summary>
    public Uri? Address => checkUrl;

    /// <summary>True or false as the host answers; null when it cannot be asked (no address known, no answer).</summary>
    public async Task<bool?> IsValidAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > 256)
        {
            return false;
        }

        if (checkUrl is null)
        {
            return null;
        }

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = clock.GetUtcNow();
        if (verdicts.TryGetValue(id, out var known) && known.Until > now)
        {
            return known.Valid;
        }

        bool valid;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, checkUrl);
            request.Headers.Add(KeyHeader, key);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                valid = true;
            }
            else if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                valid = false;
            }
            else
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (verdicts.Count >= MaxRemembered)
        {
            verdicts.Clear();
        }

        verdicts[id] = (valid, now + (valid ? KeepValid : KeepRefused));
        return valid;
    }
}
