using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;
using Pipeline.Storage;

namespace Pipeline.Functions.Functions;

/// <summary>Blob trigger: an editor's upload becomes stored, linked articles with their pages live (a render that fails here is queued).</summary>
public sealed class IngestArticle(IArticleIngestor ingestor, ILogger<IngestArticle> logger)
{
    [Function(nameof(IngestArticle))]
    public async Task<IngestResult> Run(
        [BlobTrigger(StorageNames.UploadsTriggerPath, Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] BlobClient upload,
        string name,
        CancellationToken cancellationToken)
    {
        var result = await ingestor.IngestAsync(name, cancellationToken);
        if (result.Reason is null)
        {
            logger.LogInformation("Ingested {BlobName}: {ArticleCount} articles", name, result.Articles.Count);
        }
        else
        {
            // A file the parser cannot read is the editor's to fix: recorded in its status, not retried.
            logger.LogWarning("Upload {BlobName} not published: {Reason}", name, result.Reason);
        }

        return result;
    }
}
