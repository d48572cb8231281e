using Azure.Storage.Blobs.Models;
using Pipeline.Storage;

namespace Pipeline.DevHost.Seeding;

/// <summary>On a first start (no uploads yet), uploads the example articles that ship in <c>samples/</c>, as an editor would.</summary>
public sealed class ExampleUploader(StorageClients clients, ILogger<ExampleUploader> logger)
{
    /// <summary>Returns the blob names uploaded; none when the container already had uploads.</summary>
    public async Task<IReadOnlyList<string>> UploadIfEmptyAsync(string samplesFolder, CancellationToken cancellationToken)
    {
        await foreach (var _ in clients.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            return [];
        }

        if (!Directory.Exists(samplesFolder))
        {
            logger.LogWarning("No example articles at {Folder}", samplesFolder);
            return [];
        }

        var uploaded = new List<string>();
        foreach (var file in Directory.EnumerateFiles(samplesFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(samplesFolder, file).Replace('\\', '/');
            await using var stream = File.OpenRead(file);
            await clients.Uploads.GetBlobClient(name).UploadAsync(stream, new BlobUploadOptions(), cancellationToken);
            logger.LogInformation("Uploaded example {BlobName}", name);
            uploaded.Add(name);
        }

        return uploaded;
    }
}
