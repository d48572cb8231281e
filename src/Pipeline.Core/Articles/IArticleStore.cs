namespace Pipeline.Core.Articles;

/// <summary>The metadata store for articles: records, their content, slugs and listings.</summary>
public interface IArticleStore
{
    Task<ArticleRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts (when <see cref="ArticleRecord.ETag"/> is null) or replaces the record if its ETag still matches.</summary>
    /// <exception cref="ConcurrencyException">Someone else wrote the record first.</exception>
    Task<ArticleRecord> SaveAsync(ArticleRecord record, CancellationToken cancellationToken);

    /// <summary>Reads the content an article had when its hash was <paramref name="contentHash"/>.</summary>
    Task<ParsedArticle?> GetContentAsync(string id, string contentHash, CancellationToken cancellationToken);

    /// <summary>Stores content under its hash; immutable, so a record never points at half-written content.</summary>
    Task SaveContentAsync(string id, string contentHash, ParsedArticle content, CancellationToken cancellationToken);

    /// <summary>Claims <paramref name="slug"/> for article <paramref name="id"/>; true when it is now (or already was) that article's.</summary>
    Task<bool> TryClaimSlugAsync(string slug, string id, CancellationToken cancellationToken);

    /// <summary>Writes the listing rows (latest, section, tags, month) of a published article.</summary>
    Task IndexAsync(ArticleRecord record, CancellationToken cancellationToken);

    /// <summary>Newest first, at most <paramref name="top"/>; a bounded query, never a scan.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListLatestAsync(int top, CancellationToken cancellationToken);
}
