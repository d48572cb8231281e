namespace Pipeline.Core.Articles;

/// <summary>What a listing (home, section, feed) shows of an article, read from an index row without touching the article.</summary>
public sealed record ArticleSummary(
    string Id,
    string Headline,
    string Path,
    string Section,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    string? Description,
    string ShortCode,
    ArticlePicture? Picture = null,
    string? Byline = null,
    string? Excerpt = null,
    bool Featured = false,
    string? ContentHash = null);
