using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Rendering;

namespace Pipeline.Storage.Blobs;

/// <summary>
/// Operator overrides of the theme from the <c>templates</c> container. The container is listed at most once every
/// <see cref="PipelineOptions.TemplateRefreshSeconds"/>; a file is downloaded again only when its ETag changed, so a
/// busy render function costs the container one list call per interval.
/// </summary>
internal sealed class BlobTemplateSource(StorageClients clients, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<BlobTemplateSource> logger)
    : ITemplateSource, IDisposable
{
    /// <summary>Theme files are small; anything larger is a mistake, not a template.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile TemplateOverrides _current = TemplateOverrides.None;
    private Dictionary<string, (ETag ETag, ReadOnlyMemory<byte> Content)> _files = new(StringComparer.Ordinal);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async Task<TemplateOverrides> GetAsync(CancellationToken cancellationToken)
    {
        if (!IsDue())
        {
            return _current;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (IsDue())
            {
                await RefreshAsync(cancellationToken);
            }

            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsDue() => clock.GetUtcNow() - _checkedAt >= TimeSpan.FromSeconds(options.Value.TemplateRefreshSeconds);

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var files = new Dictionary<string, (ETag, ReadOnlyMemory<byte>)>(StringComparer.Ordinal);
            await foreach (var blob in clients.Templates.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (!SiteTheme.IsThemeFile(blob.Name) || blob.Properties.ContentLength > MaxFileBytes)
                {
                    continue;
                }

                var etag = blob.Properties.ETag ?? default;
                files[blob.Name] = _files.TryGetValue(blob.Name, out var known) && known.ETag == etag
                    ? known
                    : (etag, (await clients.Templates.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToMemory());
            }

            Publish(files);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No templates container: the embedded theme as shipped.
            Publish(new(StringComparer.Ordinal));
        }
        catch (RequestFailedException ex)
        {
            // Keep rendering with what was known; try again after the next interval.
            logger.LogWarning("Could not read template overrides, keeping the current theme: {Reason}", ex.Message);
        }

        _checkedAt = clock.GetUtcNow();
    }

    private void Publish(Dictionary<string, (ETag ETag, ReadOnlyMemory<byte> Content)> files)
    {
        _files = files;
        var version = files.Count == 0
            ? string.Empty
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value.ETag}")))))[..16];
        if (version != _current.Version)
        {
            _current = new TemplateOverrides(version, files.ToDictionary(f => f.Key, f => f.Value.Content, StringComparer.Ordinal));
        }
    }
}
