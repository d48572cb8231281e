using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;
using Pipeline.Storage;

namespace Pipeline.Functions.Functions;

/// <summary>
/// Queue trigger on the blob extension's poison queue: when the runtime gives up on an upload after its retries,
/// the upload's status says so (failed, with how to retry) instead of staying "retrying" for ever.
/// </summary>
public sealed class RecordPoisonUpload(ArticleIngestor publishing, ILogger<RecordPoisonUpload> logger)
{
    /// <summary>The queue the blob trigger moves an upload to after five failed attempts.</summary>
    public const string PoisonQueue = StorageNames.BlobTriggerPoisonQueue;

    [Function(nameof(RecordPoisonUpload))]
    public async Task Run(
        [QueueTrigger(PoisonQueue, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken)
    {
        var name = BlobNameOf(message);
        if (name is null)
        {
            logger.LogWarning("Poison message without a blob name: {Message}", message);
            return;
        }

        await publishing.GiveUpAsync(name, cancellationToken);
        logger.LogError("Gave up on upload {BlobName} after repeated failures", name);
    }

    /// <summary>The blob name in the runtime's poison message (<c>{"BlobName": "...", "ContainerName": "...", ...}</c>).</summary>
    public static string? BlobNameOf(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            return document.RootElement.TryGetProperty("BlobName", out var name) ? name.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
