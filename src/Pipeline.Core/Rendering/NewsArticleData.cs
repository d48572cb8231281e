namespace Pipeline.Core.Rendering;

/// <summary>What the JSON-LD <c>NewsArticle</c> of a page says: every value final (absolute URLs, ISO dates).</summary>
public sealed record NewsArticleData(
    string Url,
    string Headline,
    string? Description,
    IReadOnlyList<string> Images,
    string DatePublished,
    string DateModified,
    string? Author,
    string Section,
    IReadOnlyList<string> Keywords,
    string Language,
    string PublisherName,
    string PublisherUrl,
    string LogoUrl);
