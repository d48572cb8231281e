namespace Pipeline.Core.Articles;

/// <summary>Shorthands over <see cref="IArticleStore"/>.</summary>
public static class ArticleStoreExtensions
{
    /// <summary>The newest <paramref name="top"/> published articles.</summary>
    public static async Task<IReadOnlyList<ArticleSummary>> ListLatestAsync(this IArticleStore store, int top, CancellationToken cancellationToken) =>
        (await store.ListAsync(ArticleListing.Latest, top, null, cancellationToken)).Items;
}
