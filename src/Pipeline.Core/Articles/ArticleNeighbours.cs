namespace Pipeline.Core.Articles;

/// <summary>The articles either side of one article in a listing, nearest first on both sides.</summary>
public sealed record ArticleNeighbours(IReadOnlyList<ArticleSummary> Newer, IReadOnlyList<ArticleSummary> Older)
{
    public static ArticleNeighbours None { get; } = new([], []);

    /// <summary>Up to <paramref name="count"/> articles either side of position <paramref name="at"/> of a newest-first list.</summary>
    public static ArticleNeighbours At(IReadOnlyList<ArticleSummary> list, int at, int count) => new(
        Enumerable.Range(1, count).Where(i => at - i >= 0).Select(i => list[at - i]).ToList(),
        Enumerable.Range(1, count).Where(i => at + i < list.Count).Select(i => list[at + i]).ToList());
}
