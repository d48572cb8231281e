using Pipeline.Core.Articles;
using Pipeline.Core.Uploads;

namespace Pipeline.Core.Publishing;

/// <summary>Read-side questions editors and tools ask: what happened to an upload, which articles exist, one article in full.</summary>
public sealed class ArticleQueries(IArticleStore articles, IUploadStatusStore statuses)
{
    public const int MaxTop = 200;

    /// <summary>An upload's status with the records of the articles it produced.</summary>
    public async Task<(UploadStatus Status, IReadOnlyList<ArticleRecord> Articles)?> GetUploadAsync(string name, CancellationToken cancellationToken)
    {
        var status = await statuses.GetAsync(name, cancellationToken);
        if (status is null)
        {
            return null;
        }

        var records = await Task.WhenAll(status.ArticleIds.Select(id => articles.GetAsync(id, cancellationToken)));
        return (status, records.OfType<ArticleRecord>().ToList());
    }

    /// <summary>Several uploads by name, read side by side; those not seen yet are left out.</summary>
    public async Task<IReadOnlyList<(UploadStatus Status, IReadOnlyList<ArticleRecord> Articles)>> GetUploadsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(names.Select(name => GetUploadAsync(name, cancellationToken)));
        return found.Where(f => f is not null).Select(f => f!.Value).ToList();
    }

    /// <summary>
    /// The <paramref name="top"/> most recently updated uploads, newest first. The status table has one row per upload
    /// ever seen and no time index, so this reads every row: fine for a desk's uploads, and only operators ask.
    /// </summary>
    public async Task<IReadOnlyList<UploadStatus>> ListUploadsAsync(int top, CancellationToken cancellationToken)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var newest = new PriorityQueue<UploadStatus, DateTimeOffset>(top + 1);
        await foreach (var status in statuses.ListAsync(cancellationToken))
        {
            // Keeps only the newest N in memory: the oldest kept one leaves first.
            newest.Enqueue(status, status.UpdatedAt);
            if (newest.Count > top)
            {
                newest.Dequeue();
            }
        }

        return newest.UnorderedItems.Select(item => item.Element).OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Published articles newest first, in one listing: a section, a tag, a month (<c>yyyy-MM</c>) or all.</summary>
    public Task<ArticlePage> ListAsync(string? section, string? tag, string? month, int top, string? continuation, CancellationToken cancellationToken)
    {
        var listing = section is { Length: > 0 } ? ArticleListing.Section(Text.Slug.From(section))
            : tag is { Length: > 0 } ? ArticleListing.Tag(tag)
            : month is { Length: > 0 } ? new ArticleListing(ArticleListingKind.Month, month)
            : ArticleListing.Latest;
        return articles.ListAsync(listing, Math.Clamp(top, 1, MaxTop), continuation, cancellationToken);
    }

    /// <summary>Articles held for review, newest first, with the reasons each was held.</summary>
    public async Task<(IReadOnlyList<ArticleRecord> Items, string? Continuation)> ListReviewAsync(int top, string? continuation, CancellationToken cancellationToken)
    {
        var page = await articles.ListAsync(ArticleListing.Review, Math.Clamp(top, 1, MaxTop), continuation, cancellationToken);
        var records = await Task.WhenAll(page.Items.Select(item => articles.GetAsync(item.Id, cancellationToken)));

        // A row whose article has left review meanwhile (approved elsewhere) is not shown.
        return (records.OfType<ArticleRecord>().Where(r => r.State == ArticleState.Review).ToList(), page.Continuation);
    }

    /// <summary>An article's record, current content and version history.</summary>
    public async Task<(ArticleRecord Record, ParsedArticle? Content, IReadOnlyList<ArticleVersion> Versions)?> GetArticleAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIds.IsValidExplicit(id))
        {
            return null;
        }

        var record = await articles.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var content = articles.GetContentAsync(id, record.ContentHash, cancellationToken);
        var versions = articles.GetVersionsAsync(id, cancellationToken);
        return (record, await content, await versions);
    }

    /// <summary>
    /// Two versions of an article compared field by field and word by word; <paramref name="from"/> defaults to the
    /// version before <paramref name="to"/>, which defaults to the newest. Null when the article does not exist;
    /// otherwise the error names what was not there.
    /// </summary>
    public async Task<(ArticleVersion From, ArticleVersion To, IReadOnlyList<FieldDiff> Fields)?> CompareAsync(
        string id, int? from, int? to, CancellationToken cancellationToken)
    {
        var found = await GetArticleAsync(id, cancellationToken);
        if (found is not { } article || article.Versions.Count == 0)
        {
            return null;
        }

        var versions = article.Versions;
        var newer = to is { } t ? versions.FirstOrDefault(v => v.Version == t) : versions.MaxBy(v => v.Version);
        var older = from is { } f ? versions.FirstOrDefault(v => v.Version == f) : versions.Where(v => v.Version < (newer?.Version ?? 0)).MaxBy(v => v.Version);
        if (newer is null || older is null)
        {
            throw new ArticleVersionNotFoundException(versions.Select(v => v.Version).Order().ToList());
        }

        var contents = await Task.WhenAll(articles.GetContentAsync(id, older.ContentHash, cancellationToken), articles.GetContentAsync(id, newer.ContentHash, cancellationToken));
        if (contents[0] is null || contents[1] is null)
        {
            throw new ArticleVersionNotFoundException(versions.Select(v => v.Version).Order().ToList());
        }

        return (older, newer, ArticleDiff.Between(contents[0]!, contents[1]!));
    }
}

/// <summary>A version asked for is not among the article's (or its content is gone).</summary>
public sealed class ArticleVersionNotFoundException(IReadOnlyList<int> versions)
    : Exception(versions.Count < 2 ? "the article has only one version" : $"the article has versions {string.Join(", ", versions)}")
{
    public IReadOnlyList<int> Versions { get; } = versions;
}
