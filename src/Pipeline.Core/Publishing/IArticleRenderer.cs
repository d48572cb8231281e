namespace Pipeline.Core.Publishing;

/// <summary>Writes an article's page and the pages that list it to the site.</summary>
public interface IArticleRenderer
{
    /// <summary>Renders the article named by <paramref name="request"/>; returns the site paths written.</summary>
    Task<IReadOnlyList<string>> RenderAsync(RenderRequest request, CancellationToken cancellationToken);
}
