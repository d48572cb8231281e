namespace Pipeline.Core.Publishing;

/// <summary>Writes an article's page and the pages that list it to the site.</summary>
public interface IArticleRenderer
{
    /// <summary>Renders the article named by <paramref name="request"/>; returns the site paths written.</summary>
    Task<IReadOnlyList<string>> RenderAsync(RenderRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Renders the articles of <paramref name="request"/> from records the caller holds as it just stored them (with
    /// their ETag, and <see cref="Articles.ArticleRecord.ReadAt"/> no earlier than their listing rows), instead of
    /// reading them again; an article missing from <paramref name="stored"/> is read.
    /// </summary>
    Task<IReadOnlyList<string>> RenderAsync(RenderRequest request, IReadOnlyCollection<Articles.ArticleRecord> stored, CancellationToken cancellationToken);
}
