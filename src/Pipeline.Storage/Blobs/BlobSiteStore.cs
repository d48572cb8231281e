using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Caching.Memory;
using Pipeline.Core.Publishing;

namespace Pipeline.Storage.Blobs;

/// <summary>Writes the rendered site into the static-website container with the headers browsers need.</summary>
internal sealed class BlobSiteStore(StorageClients clients) : ISiteStore, IDisposable
{
    /// <summary>Files whose last write by this process is remembered (a path and a hash each).</summary>
    private const int RememberedFiles = 50_000;

    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = RememberedFiles, CompactionPercentage = 0.25 });

    public async Task WriteAsync(SiteFile file, CancellationToken cancellationToken)
    {
        var blob = clients.Site.GetBlobClient(file.Path);
        var md5 = file.ContentMd5;
        await blob.UploadAsync(new BinaryData(file.Content), new BlobUploadOptions
        {
            // Content-MD5 is kept and listed by the service, so a later render can tell an unchanged file without reading it.
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = file.CacheControl, ContentHash = Convert.FromBase64String(md5) },
            Metadata = file.Status is { } status ? new Dictionary<string, string> { [SiteFile.StatusMetadata] = status.ToString(CultureInfo.InvariantCulture) } : null,
        }, cancellationToken);
        _written.Set(file.Path, new SiteFileInfo(file.Path, md5, file.ContentType, file.CacheControl, file.Status, DateTimeOffset.MinValue), new MemoryCacheEntryOptions { Size = 1 });
    }

    public SiteFileInfo? LastWritten(string path) => _written.Get<SiteFileInfo>(path);

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var download = await clients.Site.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<SiteFileInfo?> GetInfoAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await clients.Site.GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return Info(path, properties.ContentHash, properties.ContentType, properties.CacheControl, properties.Metadata, properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SiteFileInfo>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var files = new List<SiteFileInfo>();
        await foreach (var blob in clients.Site.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix.Length == 0 ? null : prefix, cancellationToken))
        {
            var p = blob.Properties;
            files.Add(Info(blob.Name, p.ContentHash, p.ContentType, p.CacheControl, blob.Metadata, p.LastModified ?? DateTimeOffset.MinValue));
        }

        return files;
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        _written.Remove(path);
        return clients.Site.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public void Dispose() => _written.Dispose();

    private static SiteFileInfo Info(string path, byte[]? md5, string? contentType, string? cacheControl, IDictionary<string, string>? metadata, DateTimeOffset lastModified) => new(
        path,
        md5 is { Length: > 0 } ? Convert.ToBase64String(md5) : null,
        contentType,
        cacheControl,
        metadata is not null && metadata.TryGetValue(SiteFile.StatusMetadata, out var status) && int.TryParse(status, CultureInfo.InvariantCulture, out var code) ? code : null,
        lastModified);
}
