using Azure.Storage.Blobs;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Functions;
using Pipeline.Storage;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Pipeline.DevHost.Triggers;

/// <summary>
/// The blob and queue triggers of Pipeline.Functions, declared for the WebJobs SDK (the engine inside the Functions
/// host) and forwarded to the same function classes. Container and queue names come from settings so tests can
/// give each run its own.
/// </summary>
public sealed class StorageTriggers(IngestArticle ingest, RenderArticle render, RecordPoisonUpload poison, TriggerActivity activity)
{
    public const string UploadsPath = "%" + DevHostConfiguration.UploadsContainerKey + "%/{name}";
    public const string RenderQueue = "%" + DevHostConfiguration.RenderQueueKey + "%";

    [WebJobs.FunctionName(nameof(IngestArticle))]
    public Task Ingest(
        [WebJobs.BlobTrigger(UploadsPath, Connection = StorageNames.Connection)] BlobClient upload,
        string name,
        CancellationToken cancellationToken)
    {
        activity.IngestStarted();
        return ingest.Run(upload, name, cancellationToken);
    }

    [WebJobs.FunctionName(nameof(RenderArticle))]
    public Task Render(
        [WebJobs.QueueTrigger(RenderQueue, Connection = StorageNames.Connection)] RenderRequest request,
        CancellationToken cancellationToken) => render.Run(request, cancellationToken);

    [WebJobs.FunctionName(nameof(RecordPoisonUpload))]
    public Task RecordPoison(
        [WebJobs.QueueTrigger(RecordPoisonUpload.PoisonQueue, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken) => poison.Run(message, cancellationToken);
}
