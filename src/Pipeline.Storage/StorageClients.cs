using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage;

/// <summary>The account's clients with the configured resource names applied: one place that knows where things live.</summary>
public sealed class StorageClients(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, IOptions<StorageOptions> options)
{
    public StorageOptions Names { get; } = options.Value;

    public BlobServiceClient BlobService { get; } = blobs;
    public QueueServiceClient QueueService { get; } = queues;
    public TableServiceClient TableService { get; } = tables;

    // Clients are cached: they are thread-safe and reused on every call (the redirect path included).
    public BlobContainerClient Uploads => field ??= BlobService.GetBlobContainerClient(Names.UploadsContainer);
    public BlobContainerClient Site => field ??= BlobService.GetBlobContainerClient(Names.SiteContainer);
    public BlobContainerClient Content => field ??= BlobService.GetBlobContainerClient(Names.ContentContainer);
    public BlobContainerClient Templates => field ??= BlobService.GetBlobContainerClient(Names.TemplatesContainer);
    public QueueClient RenderQueue => field ??= QueueService.GetQueueClient(Names.RenderQueue);
    public QueueClient RenderPoisonQueue => field ??= QueueService.GetQueueClient(Names.RenderQueue + StorageNames.PoisonSuffix);
    public QueueClient UploadPoisonQueue => field ??= QueueService.GetQueueClient(StorageNames.BlobTriggerPoisonQueue);
    public TableClient Articles => field ??= TableService.GetTableClient(Names.ArticlesTable);
    public TableClient ArticleIndex => field ??= TableService.GetTableClient(Names.ArticleIndexTable);
    public TableClient Slugs => field ??= TableService.GetTableClient(Names.SlugsTable);
    public TableClient ShortLinks => field ??= TableService.GetTableClient(Names.ShortLinksTable);
    public TableClient UploadsTable => field ??= TableService.GetTableClient(Names.UploadsTable);
    public TableClient AuditTable => field ??= TableService.GetTableClient(Names.AuditTable);

    /// <summary>Creates every container, table and queue the pipeline uses that is missing (tests; the hosts use <see cref="StartupProvisioning"/>).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Resources().Select(resource => resource.CreateIfMissingAsync(cancellationToken)));

    /// <summary>Every container, queue and table the pipeline uses, each with the call that creates it when missing.</summary>
    public IEnumerable<StorageResource> Resources()
    {
        foreach (var container in new[] { Uploads, Site, Content, Templates })
        {
            yield return new("Blob", container.Name,
                async ct => (await container.CreateIfNotExistsAsync(cancellationToken: ct)) is not null,
                async ct => (await container.ExistsAsync(ct)).Value);
        }

        foreach (var queue in new[] { RenderQueue, RenderPoisonQueue })
        {
            yield return new("Queue", queue.Name,
                async ct => (await queue.CreateIfNotExistsAsync(cancellationToken: ct)) is not null,
                async ct => (await queue.ExistsAsync(ct)).Value);
        }

        foreach (var table in new[] { Articles, ArticleIndex, Slugs, ShortLinks, UploadsTable, AuditTable })
        {
            // The table client answers with the item either way; one that existed carries the 409 it was answered.
            yield return new("Table", table.Name,
                async ct => (await table.CreateIfNotExistsAsync(ct)).GetRawResponse().Status < 300,
                async ct => await TableExistsAsync(table.Name, ct));
        }
    }

    // A table client has no exists call; the table service's list, filtered to the one name, needs read rights only.
    private async Task<bool> TableExistsAsync(string name, CancellationToken cancellationToken)
    {
        await foreach (var _ in TableService.QueryAsync(t => t.Name == name, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }
}

/// <summary>One container, queue or table; <see cref="CreateIfMissingAsync"/> answers whether it created it.</summary>
/// <param name="Kind">Blob, Queue or Table: the service, as the Storage … Data Contributor role names it.</param>
/// <param name="ExistsAsync">Whether it is there, asked with read rights only (<c>pipeline doctor</c>).</param>
public sealed record StorageResource(
    string Kind, string Name, Func<CancellationToken, Task<bool>> CreateIfMissingAsync, Func<CancellationToken, Task<bool>> ExistsAsync);
