namespace Pipeline.Core.Articles;

/// <summary>Shorthands over <see cref="IArticleStore"/>.</summary>
public static class ArticleStoreExtensions
{
    /// <summary>Writes the listing rows of one published article.</summary>
    public static Task IndexAsync(this IArticleStore store, ArticleRecord record, CancellationToken cancellationToken) =>
        store.IndexAsync([record], cancellationToken);

    /// <summary>The newest <paramref name="top"/> published articles.</summary>
    public static async Task<IReadOnlyList<ArticleSummary>> ListLatestAsync(this IArticleStore store, int top, CancellationToken cancellationToken) =>
        (await store.ListAsync(ArticleListing.Latest, top, null, cancellationToken)).Items;

    /// <summary>
    /// Newest first, up to <paramref name="max"/> articles of a listing across as many pages as that takes, stopping at
    /// the first article <paramref name="keep"/> refuses.
    /// </summary>
    public static async Task<IReadOnlyList<ArticleSummary>> ReadListingAsync(
        this IArticleStore store, ArticleListing listing, int max, CancellationToken cancellationToken, Func<ArticleSummary, bool>? keep = null)
    {
        // The most one Table Storage page returns.
        const int PageSize = 1000;
        var rows = new List<ArticleSummary>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(listing, Math.Min(max - rows.Count, PageSize), continuation, cancellationToken);
            foreach (var row in page.Items)
            {
                if (keep is not null && !keep(row))
                {
                    return rows;
                }

                rows.Add(row);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null && rows.Count < max);

        return rows;
    }
}
