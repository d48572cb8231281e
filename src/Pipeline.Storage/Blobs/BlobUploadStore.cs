using Azure;
using Pipeline.Core.Uploads;

namespace Pipeline.Storage.Blobs;

/// <summary>Reads uploads from the uploads container as streams, never changing them.</summary>
internal sealed class BlobUploadStore(StorageClients clients) : IUploadStore
{
    public async Task<UploadContent?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clients.Uploads.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = response.Value.Details;
            return new UploadContent(response.Value.Content, details.ContentLength, details.LastModified, details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<(string Name, DateTimeOffset LastModified)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in clients.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            yield return (blob.Name, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }
}
