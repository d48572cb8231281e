using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Parsing;
using Pipeline.Core.Text;
using Pipeline.Core.Uploads;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Reads an upload, stores each article (new, changed or unchanged), makes sure it has its short link, and queues
/// its page for rendering. Every step is idempotent, so a retried or duplicated trigger converges on the same state.
/// </summary>
public sealed class ArticleIngestor(
    IUploadStore uploads,
    IUploadStatusStore statuses,
    ArticleFileParser parser,
    IArticleStore articles,
    ShortLinkService links,
    IRenderQueue renderQueue,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<ArticleIngestor> logger) : IArticleIngestor
{
    private const int MaxConcurrencyRetries = 8;
    private const int MaxSlugSuffix = 50;

    public async Task<IngestResult> IngestAsync(string name, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        await using var upload = await uploads.OpenAsync(name, cancellationToken);
        if (upload is null)
        {
            return await FailAsync(name, receivedAt, "the upload no longer exists", cancellationToken);
        }

        await statuses.SetAsync(new UploadStatus { Name = name, State = UploadState.Received, ReceivedAt = receivedAt, UpdatedAt = receivedAt }, cancellationToken);

        var limit = options.Value.MaxUploadBytes;
        if (upload.Length > limit)
        {
            return await FailAsync(name, receivedAt, $"file is {Megabytes(upload.Length)}; the limit is {Megabytes(limit)}", cancellationToken);
        }

        var bytes = await ReadAllAsync(upload, cancellationToken);
        var parsed = parser.Parse(bytes, new ParseContext(name, upload.LastModified) { MaxBytes = limit });
        if (!parsed.Succeeded)
        {
            return await FailAsync(name, receivedAt, string.Join("; ", parsed.Errors), cancellationToken);
        }

        var stored = new List<ArticleRecord>(parsed.Articles.Count);
        var warnings = new List<string>(parsed.Warnings);
        for (var position = 0; position < parsed.Articles.Count; position++)
        {
            var article = parsed.Articles[position];
            stored.Add(await PublishAsync(article, name, position, cancellationToken));
            warnings.AddRange(article.Warnings.Select(w => $"article {position + 1} ({article.Headline}): {w}"));
        }

        await statuses.SetAsync(new UploadStatus
        {
            Name = name,
            State = UploadState.Published,
            ArticleIds = stored.Select(a => a.Id).ToList(),
            Warnings = warnings,
            ReceivedAt = receivedAt,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);

        return new IngestResult(name, UploadState.Published, stored, null);
    }

    private async Task<ArticleRecord> PublishAsync(ParsedArticle article, string blobName, int position, CancellationToken cancellationToken)
    {
        var id = article.Id is { } explicitId && ArticleIds.IsValidExplicit(explicitId) ? explicitId : ArticleIds.ForSource(blobName, position);
        var section = article.Section ?? options.Value.DefaultSection;
        var hash = ContentHash.Of(article);

        for (var attempt = 1; ; attempt++)
        {
            var existing = await articles.GetAsync(id, cancellationToken);
            try
            {
                ArticleRecord record;
                if (existing is null)
                {
                    var slug = await ClaimSlugAsync(article.Slug ?? Slug.From(article.Headline), id, cancellationToken);
                    var now = clock.GetUtcNow();
                    var publishedAt = article.Published ?? now;
                    await articles.SaveContentAsync(id, hash, article, cancellationToken);
                    record = await articles.SaveAsync(new ArticleRecord
                    {
                        Id = id,
                        Slug = slug,
                        Path = $"{publishedAt.UtcDateTime:yyyy'/'MM'/'dd}/{slug}/",
                        Headline = article.Headline,
                        Section = section,
                        Tags = article.Tags,
                        Description = Describe(article),
                        PublishedAt = publishedAt,
                        UpdatedAt = article.Updated is { } updated && updated > publishedAt ? updated : now,
                        Version = 1,
                        ContentHash = hash,
                        ShortCode = ShortCodeGenerator.Next(),
                        SourceBlob = blobName,
                        SourcePosition = position,
                    }, cancellationToken);
                    logger.LogInformation("Stored new article {ArticleId} ({Slug}) from {BlobName}", id, slug, blobName);
                }
                else if (existing.ContentHash != hash)
                {
                    await articles.SaveContentAsync(id, hash, article, cancellationToken);
                    record = await articles.SaveAsync(existing with
                    {
                        Headline = article.Headline,
                        Section = section,
                        Tags = article.Tags,
                        Description = Describe(article),
                        Version = existing.Version + 1,
                        ContentHash = hash,
                        UpdatedAt = clock.GetUtcNow(),
                    }, cancellationToken);
                    logger.LogInformation("Article {ArticleId} changed: version {Version}", id, record.Version);
                }
                else
                {
                    record = existing;
                }

                return await CompleteAsync(record, cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < MaxConcurrencyRetries)
            {
                // Another ingest of the same article wrote first; read again and converge on its result.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The steps after the record is stored; each is a no-op when already done, so re-ingest repairs a crash.</summary>
    private async Task<ArticleRecord> CompleteAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var pageUrl = new Uri(options.Value.SiteBaseUrl, record.Path).ToString();
        var code = await links.EnsureArticleLinkAsync(record.ShortCode, pageUrl, record.Headline, record.Id, cancellationToken);
        if (code != record.ShortCode)
        {
            record = await articles.SaveAsync(record with { ShortCode = code }, cancellationToken);
        }

        if (record.RenderedVersion < record.Version)
        {
            await articles.IndexAsync(record, cancellationToken);
            await renderQueue.EnqueueAsync(new RenderRequest(record.Id, record.Version), cancellationToken);
        }

        return record;
    }

    private async Task<string> ClaimSlugAsync(string wanted, string id, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= MaxSlugSuffix; n++)
        {
            var slug = n == 1 ? wanted : $"{wanted}-{n}";
            if (await articles.TryClaimSlugAsync(slug, id, cancellationToken))
            {
                return slug;
            }
        }

        var fallback = $"{wanted}-{id[..6]}";
        return await articles.TryClaimSlugAsync(fallback, id, cancellationToken)
            ? fallback
            : throw new InvalidOperationException($"no free slug for '{wanted}'");
    }

    private async Task<IngestResult> FailAsync(string name, DateTimeOffset receivedAt, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Upload {BlobName} failed: {Reason}", name, reason);
        await statuses.SetAsync(new UploadStatus
        {
            Name = name,
            State = UploadState.Failed,
            Reason = reason,
            ReceivedAt = receivedAt,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        return new IngestResult(name, UploadState.Failed, [], reason);
    }

    private static async Task<byte[]> ReadAllAsync(UploadContent upload, CancellationToken cancellationToken)
    {
        var buffer = new byte[upload.Length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await upload.Content.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static string? Describe(ParsedArticle article)
    {
        var text = article.Summary.FirstOrDefault() ?? article.Paragraphs.FirstOrDefault();
        return text is null || text.Length <= 300 ? text : text[..297].TrimEnd() + "…";
    }

    private static string Megabytes(long bytes) => ArticleFileParser.Megabytes(bytes);
}
