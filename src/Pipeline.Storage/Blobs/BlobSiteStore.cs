using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Publishing;

namespace Pipeline.Storage.Blobs;

/// <summary>Writes the rendered site into the static-website container with the headers browsers need.</summary>
internal sealed class BlobSiteStore(StorageClients clients) : ISiteStore
{
    public async Task WriteAsync(SiteFile file, CancellationToken cancellationToken)
    {
        var blob = clients.Site.GetBlobClient(file.Path);
        await blob.UploadAsync(new BinaryData(file.Content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = file.CacheControl },
            Metadata = file.Status is { } status ? new Dictionary<string, string> { [SiteFile.StatusMetadata] = status.ToString() } : null,
        }, cancellationToken);
    }

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
}
