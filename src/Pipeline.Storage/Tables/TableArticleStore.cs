using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Articles;
using Pipeline.Core.Text;

namespace Pipeline.Storage.Tables;

/// <summary>Articles in Table Storage (records, slugs, listing rows) with their content as JSON blobs.</summary>
internal sealed class TableArticleStore(StorageClients clients) : IArticleStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ArticleRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await clients.Articles.GetEntityIfExistsAsync<ArticleEntity>(TableKeys.Check(id), ArticleEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    public async Task<ArticleRecord> SaveAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var entity = ToEntity(record);
        EntityLimits.Check(entity.Headline, entity.Description, entity.Tags, entity.SourceBlob, entity.Path);
        try
        {
            var response = record.ETag is null
                ? await clients.Articles.AddEntityAsync(entity, cancellationToken)
                : await clients.Articles.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            return record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyException($"article {record.Id} was written concurrently", ex);
        }
    }

    public async Task<ParsedArticle?> GetContentAsync(string id, string contentHash, CancellationToken cancellationToken)
    {
        try
        {
            var result = await clients.Content.GetBlobClient(ContentBlob(id, contentHash)).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToObjectFromJson<ParsedArticle>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveContentAsync(string id, string contentHash, ParsedArticle content, CancellationToken cancellationToken)
    {
        var blob = clients.Content.GetBlobClient(ContentBlob(id, contentHash));
        try
        {
            // Content is addressed by its hash, so an existing blob already holds exactly this content.
            await blob.UploadAsync(BinaryData.FromObjectAsJson(content, Json), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
        }
    }

    public async Task<bool> TryClaimSlugAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var entity = new SlugEntity { PartitionKey = TableKeys.Check(slug), ArticleId = id };
        try
        {
            await clients.Slugs.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var owner = await clients.Slugs.GetEntityIfExistsAsync<SlugEntity>(entity.PartitionKey, SlugEntity.Row, cancellationToken: cancellationToken);
            return owner.HasValue && owner.Value!.ArticleId == id;
        }
    }

    public async Task IndexAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var row = ArticleIndexEntity.RowFor(record.PublishedAt, record.Id);
        var partitions = new List<string> { ArticleIndexEntity.AllPartition, "s-" + record.Section, $"m-{record.PublishedAt.UtcDateTime:yyyyMM}" };
        partitions.AddRange(record.Tags.Select(t => "t-" + Slug.From(t)));
        foreach (var partition in partitions.Distinct())
        {
            var entity = new ArticleIndexEntity
            {
                PartitionKey = TableKeys.Check(partition),
                RowKey = row,
                Id = record.Id,
                Headline = record.Headline,
                Path = record.Path,
                Section = record.Section,
                PublishedAt = record.PublishedAt,
                UpdatedAt = record.UpdatedAt,
                Description = record.Description,
                ShortCode = record.ShortCode,
            };
            await clients.ArticleIndex.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ArticleSummary>> ListLatestAsync(int top, CancellationToken cancellationToken)
    {
        var items = new List<ArticleSummary>(top);
        var query = clients.ArticleIndex.QueryAsync<ArticleIndexEntity>(
            e => e.PartitionKey == ArticleIndexEntity.AllPartition, maxPerPage: Math.Min(top, 1000), cancellationToken: cancellationToken);
        await foreach (var e in query)
        {
            items.Add(new ArticleSummary(e.Id, e.Headline, e.Path, e.Section, e.PublishedAt, e.UpdatedAt, e.Description, e.ShortCode));
            if (items.Count >= top)
            {
                break;
            }
        }

        return items;
    }

    private static string ContentBlob(string id, string hash) => $"{id}/{hash}.json";

    private static ArticleEntity ToEntity(ArticleRecord r) => new()
    {
        PartitionKey = TableKeys.Check(r.Id),
        Slug = r.Slug,
        Path = r.Path,
        Headline = r.Headline,
        Section = r.Section,
        Tags = string.Join('|', r.Tags),
        Description = r.Description,
        PublishedAt = r.PublishedAt,
        UpdatedAt = r.UpdatedAt,
        Version = r.Version,
        RenderedVersion = r.RenderedVersion,
        ContentHash = r.ContentHash,
        ShortCode = r.ShortCode,
        SourceBlob = r.SourceBlob,
        SourcePosition = r.SourcePosition,
        State = r.State.ToString(),
    };

    private static ArticleRecord ToRecord(ArticleEntity e) => new()
    {
        Id = e.PartitionKey,
        Slug = e.Slug,
        Path = e.Path,
        Headline = e.Headline,
        Section = e.Section,
        Tags = e.Tags.Length == 0 ? [] : e.Tags.Split('|'),
        Description = e.Description,
        PublishedAt = e.PublishedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.Version,
        RenderedVersion = e.RenderedVersion,
        ContentHash = e.ContentHash,
        ShortCode = e.ShortCode,
        SourceBlob = e.SourceBlob,
        SourcePosition = e.SourcePosition,
        State = Enum.Parse<ArticleState>(e.State),
        ETag = e.ETag.ToString(),
    };
}
