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

    public BlobContainerClient Uploads => BlobService.GetBlobContainerClient(Names.UploadsContainer);
    public BlobContainerClient Site => BlobService.GetBlobContainerClient(Names.SiteContainer);
    public BlobContainerClient Content => BlobService.GetBlobContainerClient(Names.ContentContainer);
    public BlobContainerClient Templates => BlobService.GetBlobContainerClient(Names.TemplatesContainer);
    public QueueClient RenderQueue => QueueService.GetQueueClient(Names.RenderQueue);
    public TableClient Articles => TableService.GetTableClient(Names.ArticlesTable);
    public TableClient ArticleIndex => TableService.GetTableClient(Names.ArticleIndexTable);
    public TableClient Slugs => TableService.GetTableClient(Names.SlugsTable);
    public TableClient ShortLinks => TableService.GetTableClient(Names.ShortLinksTable);
    public TableClient UploadsTable => TableService.GetTableClient(Names.UploadsTable);

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
            QueueService.GetQueueClient(Names.RenderQueue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        };
        foreach (var table in new[] { Articles, ArticleIndex, Slugs, ShortLinks, UploadsTable })
        {
            work.Add(table.CreateIfNotExistsAsync(cancellationToken));
        }

        await Task.WhenAll(work);
    }
}
