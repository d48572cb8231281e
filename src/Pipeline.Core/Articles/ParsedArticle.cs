namespace Pipeline.Core.Articles;

/// <summary>One article as read from an upload, before it is given an identity or published.</summary>
public sealed record ParsedArticle
{
    public required string Headline { get; init; }

    /// <summary>Image caption without its credit.</summary>
    public string? Caption { get; init; }

    /// <summary>The credit that closed the caption, without parentheses, e.g. <c>AFP/File</c>.</summary>
    public string? ImageCredit { get; init; }

    public string? ImageUrl { get; init; }

    /// <summary>Every picture of a photo gallery (<c>1 / 4</c> … <c>4 / 4</c>) in order; the first is the lead (<see cref="Caption"/>).</summary>
    public IReadOnlyList<ImageCaption> Gallery { get; init; } = [];

    /// <summary>
    /// Uploads the file names as its pictures (front matter <c>image</c> / <c>images</c>, a Markdown image), relative to
    /// the file's folder, or to the container with a leading <c>/</c>; they come before the pictures found by name.
    /// </summary>
    public IReadOnlyList<string> PictureNames { get; init; } = [];

    /// <summary>Alt text for the lead picture given by the file (front matter <c>alt</c>); else the caption serves.</summary>
    public string? ImageAlt { get; init; }

    /// <summary>Pictures uploaded beside the article file, rendered, in page order (the first is the lead).</summary>
    public IReadOnlyList<ArticlePicture> Pictures { get; init; } = [];

    /// <summary>The short link the source page already carried (kept, never used as ours).</summary>
    public string? OriginalShortUrl { get; init; }

    /// <summary>The <c>Updated</c> value as written, e.g. <c>22 June 2024</c> or <c>5 sec ago</c>.</summary>
    public string? UpdatedText { get; init; }

    /// <summary>The updated time, resolved against the upload time when the text was relative.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>True when <see cref="Updated"/> was computed from a relative time and is approximate.</summary>
    public bool UpdatedIsApproximate { get; init; }

    /// <summary>Published time when the upload states one (front matter, or a trailer timestamp).</summary>
    public DateTimeOffset? Published { get; init; }

    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>Author name(s).</summary>
    public string? Byline { get; init; }

    /// <summary>Edition line of the source page, e.g. <c>Arab News Pakistan</c>.</summary>
    public string? Edition { get; init; }

    /// <summary>Place of the dateline without its colon, e.g. <c>IRBIL, IRAQ</c>.</summary>
    public string? Dateline { get; init; }

    /// <summary>Body paragraphs; the first no longer carries the dateline.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    // Fields only structured formats (front matter, JSON) carry.
    public string? Id { get; init; }
    public string? Slug { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>The editor's pick to lead the fronts (front matter <c>featured: true</c>).</summary>
    public bool Featured { get; init; }
    public DateTimeOffset? PublishAt { get; init; }

    /// <summary>Things the parser could not find or had to guess, in words an editor understands.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Why the reader took its headline for the headline, in words for an editor (<c>printed again below the header</c>,
    /// <c>followed by its caption</c>); null for structured formats, which name it.
    /// </summary>
    public string? HeadlineBasis { get; init; }

    /// <summary>
    /// Why an editor should confirm this article before it goes live (a headline nothing confirmed, one that looks
    /// like page furniture, no body); empty when the parser is sure. Non-empty holds the article for review.
    /// </summary>
    public IReadOnlyList<string> ReviewReasons { get; init; } = [];
}
