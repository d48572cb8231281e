namespace Pipeline.Core.Articles;

/// <summary>One page of a listing and the token for the next page (null at the end).</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, string? Continuation);
