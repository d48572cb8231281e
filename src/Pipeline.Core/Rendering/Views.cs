namespace Pipeline.Core.Rendering;

/// <summary>What every page's layout needs of the site.</summary>
public sealed record SiteView(string Name, string BaseUrl, string BasePath);

/// <summary>Head data of one page.</summary>
public sealed record PageView(string Title, string? Description, string CanonicalUrl, string Language);

/// <summary>An article as its page template sees it: every value pre-formatted, every string still raw (the template encodes).</summary>
public sealed record ArticleView
{
    public required string Headline { get; init; }
    public string? Caption { get; init; }
    public string? Credit { get; init; }
    public string? Byline { get; init; }
    public string? Edition { get; init; }
    public required string Section { get; init; }
    public required string PublishedIso { get; init; }
    public required string PublishedDisplay { get; init; }
    public string? UpdatedIso { get; init; }
    public string? UpdatedDisplay { get; init; }
    public bool UpdatedApproximate { get; init; }
    public IReadOnlyList<string> Summary { get; init; } = [];
    public string? Dateline { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public required string ShortUrl { get; init; }
    public required string Url { get; init; }
}

/// <summary>An entry of a listing page.</summary>
public sealed record ListItemView(string Headline, string Path, string PublishedIso, string PublishedDisplay, string? Description);
