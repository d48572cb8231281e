namespace Pipeline.Core.Articles;

/// <summary>The articles either side of one article in a listing, nearest first on both sides.</summary>
public sealed record ArticleNeighbours(IReadOnlyList<ArticleSummary> Newer, IReadOnlyList<ArticleSummary> Older)
{
    public static ArticleNeighbours None { get; } = new([], []);
}
