using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Publishing;

namespace Pipeline.Storage.Blobs;

/// <summary>
/// Previews in the content container (<c>previews/{token}.html</c>), which only the app reads; the lifecycle rule of
/// the template deletes any left after a day, an expired one read before that is deleted on the spot.
/// </summary>
public sealed class BlobPreviewStore(StorageClients clients) : IPreviewStore
{
    public const string Prefix = "previews/";

    public async Task SaveAsync(string token, string html, CancellationToken cancellationToken) =>
        await clients.Content.GetBlobClient(Prefix + token + ".html").UploadAsync(BinaryData.FromString(html),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, cancellationToken);

    public async Task<(string Html, DateTimeOffset CreatedAt)?> GetAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            var download = await clients.Content.GetBlobClient(Prefix + token + ".html").DownloadContentAsync(cancellationToken);
            return (download.Value.Content.ToString(), download.Value.Details.CreatedOn);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string token, CancellationToken cancellationToken) =>
        await clients.Content.GetBlobClient(Prefix + token + ".html").DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
