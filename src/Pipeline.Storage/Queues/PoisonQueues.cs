using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Pipeline.Core.Publishing;

namespace Pipeline.Storage.Queues;

/// <summary>What a poison message was: the render of some articles, an upload the blob trigger gave up on, or something else.</summary>
public sealed record PoisonMessage(string Id, DateTimeOffset? InsertedOn, long DequeueCount, string Kind, IReadOnlyList<string> ArticleIds, string? Upload, string Text)
{
    /// <summary>The render's version when the message is the render of one article.</summary>
    public int? Version { get; init; }

    /// <summary>The message as it was queued (the command line shows it whole as JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public BinaryData Body { get; init; } = BinaryData.Empty;

    public const string RenderKind = "render";
    public const string UploadKind = "upload";
    public const string OtherKind = "other";

    private const int MaxTextLength = 160;

    /// <summary>Reads a message's body: render requests name their articles, the blob extension's receipts their blob.</summary>
    public static PoisonMessage Of(string id, DateTimeOffset? insertedOn, long dequeueCount, BinaryData body) =>
        Classify(id, insertedOn, dequeueCount, body) with { Body = body };

    private static PoisonMessage Classify(string id, DateTimeOffset? insertedOn, long dequeueCount, BinaryData body)
    {
        var text = body.ToString();
        var shown = text.Length > MaxTextLength ? text[..MaxTextLength] + "…" : text;
        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("articles", out var batch) && batch.ValueKind == JsonValueKind.Array)
                {
                    var ids = batch.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("articleId", out var v) ? v.GetString() : null).OfType<string>().ToList();
                    return new(id, insertedOn, dequeueCount, RenderKind, ids, null, shown);
                }

                if (root.TryGetProperty("articleId", out var article) && article.GetString() is { } articleId)
                {
                    return new(id, insertedOn, dequeueCount, RenderKind, [articleId], null, shown)
                    {
                        Version = root.TryGetProperty("version", out var version) && version.TryGetInt32(out var v) ? v : null,
                    };
                }

                if (root.TryGetProperty("BlobName", out var blob) && blob.GetString() is { } name)
                {
                    return new(id, insertedOn, dequeueCount, UploadKind, [], name, shown);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown as text.
        }

        return new(id, insertedOn, dequeueCount, OtherKind, [], null, shown);
    }
}

public sealed record PoisonQueueView(string Name, int ApproximateCount, IReadOnlyList<PoisonMessage> Messages);

/// <summary>
/// The two poison queues: renders the queue trigger gave up on (<c>render-poison</c>) and uploads the blob extension
/// gave up on (<c>webjobs-blobtrigger-poison</c>, which RecordPoisonUpload empties as it marks each upload failed). Read
/// with a peek, so looking removes nothing; a retry puts a render back on the render queue, or ingests an upload again,
/// and only then deletes the message.
/// </summary>
public sealed class PoisonQueues(StorageClients clients, IArticleIngestor ingestor)
{
    /// <summary>The most one peek or receive returns.</summary>
    public const int PageSize = 32;

    public IEnumerable<QueueClient> Queues => [clients.RenderPoisonQueue, clients.UploadPoisonQueue];

    public async Task<IReadOnlyList<PoisonQueueView>> PeekAsync(CancellationToken cancellationToken)
    {
        var views = new List<PoisonQueueView>();
        foreach (var queue in Queues)
        {
            views.Add(await PeekAsync(queue, cancellationToken));
        }

        return views;
    }

    /// <summary>One poison queue, peeked (the API and the command line read it the same way); a queue not made yet is empty.</summary>
    public static async Task<PoisonQueueView> PeekAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            var peeked = await queue.PeekMessagesAsync(PageSize, cancellationToken);
            var messages = peeked.Value.Select(m => PoisonMessage.Of(m.MessageId, m.InsertedOn, m.DequeueCount, m.Body)).ToList();
            return new PoisonQueueView(queue.Name, Math.Max(properties.Value.ApproximateMessagesCount, messages.Count), messages);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No queue yet: nothing ever failed there.
            return new PoisonQueueView(queue.Name, 0, []);
        }
    }

    /// <summary>Retries one message; null when the queue has no such message (another editor retried it, or it never was).</summary>
    public async Task<PoisonMessage?> RetryAsync(string queueName, string messageId, CancellationToken cancellationToken)
    {
        var queue = Queues.FirstOrDefault(q => q.Name == queueName);
        if (queue is null)
        {
            return null;
        }

        // Only a received message can be deleted; the others received with it are made visible again at once.
        QueueMessage[] received;
        try
        {
            received = (await queue.ReceiveMessagesAsync(PageSize, TimeSpan.FromSeconds(30), cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        QueueMessage? found = null;
        foreach (var message in received)
        {
            if (message.MessageId == messageId)
            {
                found = message;
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            }
        }

        if (found is null)
        {
            return null;
        }

        var poison = PoisonMessage.Of(found.MessageId, found.InsertedOn, found.DequeueCount, found.Body);
        try
        {
            switch (poison.Kind)
            {
                case PoisonMessage.RenderKind:
                    await clients.RenderQueue.SendMessageAsync(found.Body, cancellationToken: cancellationToken);
                    break;
                case PoisonMessage.UploadKind:
                    await ingestor.IngestAsync(poison.Upload!, cancellationToken);
                    break;
                default:
                    // Nothing to retry it as: it stays for an operator to read.
                    await queue.UpdateMessageAsync(found.MessageId, found.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                    return poison;
            }
        }
        catch
        {
            await queue.UpdateMessageAsync(found.MessageId, found.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            throw;
        }

        await queue.DeleteMessageAsync(found.MessageId, found.PopReceipt, cancellationToken);
        return poison;
    }
}
