namespace Pipeline.Core.Articles;

/// <summary>An article's record together with its full parsed content (kept in a blob, not in the table).</summary>
public sealed record StoredArticle(ArticleRecord Record, ParsedArticle Content);
