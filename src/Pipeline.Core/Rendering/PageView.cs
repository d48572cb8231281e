namespace Pipeline.Core.Rendering;

/// <summary>Head data of one page: title, description, canonical URL, social tags and structured data.</summary>
public sealed record PageView
{
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>Absolute URL of the page.</summary>
    public required string CanonicalUrl { get; init; }

    public required string Language { get; init; }

    /// <summary>A robots directive such as <c>noindex</c>, for pages search engines should not keep.</summary>
    public string? Robots { get; init; }

    /// <summary>Open Graph and article tags (<c>&lt;meta property&gt;</c>).</summary>
    public IReadOnlyList<MetaTag> Properties { get; init; } = [];

    /// <summary>Twitter card tags (<c>&lt;meta name&gt;</c>).</summary>
    public IReadOnlyList<MetaTag> Names { get; init; } = [];

    /// <summary>Feeds offered for this page (<c>&lt;link rel="alternate"&gt;</c>).</summary>
    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];

    /// <summary>JSON-LD, already escaped so that it cannot close its script element.</summary>
    public string? JsonLd { get; init; }
}
