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

    /// <summary>Creates every container, table and queue the pipeline uses (local runs and tests; in Azure, infra does it).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>
        {
            Uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Site.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Content.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Templates.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            RenderQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            RenderPoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        };
        foreach (var table in new[] { Articles, ArticleIndex, Slugs, ShortLinks, UploadsTable })
        {
            work.Add(table.CreateIfNotExistsAsync(cancellationToken));
        }

        await Task.WhenAll(work);
    }
}
