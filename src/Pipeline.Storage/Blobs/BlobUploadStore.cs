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

    public async Task<IReadOnlyList<string>> ListNamesAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in clients.Uploads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
