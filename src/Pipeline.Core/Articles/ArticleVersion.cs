namespace Pipeline.Core.Articles;

/// <summary>One stored version of an article: when it was made and which content it had.</summary>
public sealed record ArticleVersion(int Version, string ContentHash, string Headline, DateTimeOffset At, string SourceBlob);
