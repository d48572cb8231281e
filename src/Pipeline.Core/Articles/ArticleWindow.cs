namespace Pipeline.Core.Articles;

/// <summary>
/// A contiguous run of a listing, newest first, as one read returned it; <see cref="ReachedEnd"/> when it runs to the
/// listing's oldest article.
/// </summary>
public sealed record ArticleWindow(IReadOnlyList<ArticleSummary> Rows, bool ReachedEnd);
