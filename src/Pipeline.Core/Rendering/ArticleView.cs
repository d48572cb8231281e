namespace Pipeline.Core.Rendering;

/// <summary>An article as its page template sees it: every value pre-formatted, every string still raw (the template encodes).</summary>
public sealed record ArticleView
{
    public required string Headline { get; init; }

    /// <summary>Language of the article's text (BCP 47).</summary>
    public required string Language { get; init; }

    /// <summary><c>rtl</c> for right-to-left scripts, else <c>auto</c>.</summary>
    public required string Direction { get; init; }

    public required LinkView Section { get; init; }
    public IReadOnlyList<LinkView> Tags { get; init; } = [];
    public required LinkView Month { get; init; }

    /// <summary>Absolute http(s) address of the lead image; null when there is none or it is not safe to show.</summary>
    public string? ImageUrl { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary>The lead picture uploaded with the article, rendered; null when there is none.</summary>
    public PictureView? Lead { get; init; }

    /// <summary>The pictures after the lead, in order (a gallery).</summary>
    public IReadOnlyList<PictureView> Gallery { get; init; } = [];
    public string? Caption { get; init; }
    public string? Credit { get; init; }
    public string? Byline { get; init; }
    public string? Edition { get; init; }
    public required string PublishedIso { get; init; }
    public required string PublishedDisplay { get; init; }
    public string? UpdatedIso { get; init; }
    public string? UpdatedDisplay { get; init; }
    /// <summary>The published time was worked out from a relative one (<c>Updated 5 min ago</c>).</summary>
    public bool PublishedApproximate { get; init; }
    public IReadOnlyList<string> Summary { get; init; } = [];
    public string? Dateline { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public required string ShortUrl { get; init; }
    public required string Url { get; init; }

    /// <summary>The next newer article in the section.</summary>
    public ListItemView? Newer { get; init; }

    /// <summary>The next older article in the section.</summary>
    public ListItemView? Older { get; init; }

    public IReadOnlyList<ListItemView> Related { get; init; } = [];
}
