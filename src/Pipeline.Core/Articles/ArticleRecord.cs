namespace Pipeline.Core.Articles;

/// <summary>The metadata of one published (or held) article: what Table Storage keeps per article.</summary>
public sealed record ArticleRecord
{
    public required string Id { get; init; }
    public required string Slug { get; init; }

    /// <summary>Site-relative URL of the page, fixed at first publish: <c>2026/02/14/some-slug/</c>; empty until then.</summary>
    public required string Path { get; init; }

    public required string Headline { get; init; }
    public required string Section { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Description { get; init; }

    /// <summary>The lead picture uploaded with the article, for listings' thumbnails; null when it has none.</summary>
    public ArticlePicture? Picture { get; init; }

    /// <summary>The editor's pick to lead the home page and its section's front while it is on their first page.</summary>
    public bool Featured { get; init; }

    /// <summary>Author name(s), for listings, search and feeds.</summary>
    public string? Byline { get; init; }

    /// <summary>The opening of the body when the description is the summary (so search finds the body's words too); else null.</summary>
    public string? Excerpt { get; init; }
    /// <summary>First publish time (for a held article: when it is due).</summary>
    public required DateTimeOffset PublishedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required int Version { get; init; }
    public required string ContentHash { get; init; }
    public required string ShortCode { get; init; }
    public required string SourceBlob { get; init; }
    public required int SourcePosition { get; init; }
    public ArticleState State { get; init; } = ArticleState.Published;

    /// <summary>The short link the uploaded page already carried, kept for reference (ours is <see cref="ShortCode"/>).</summary>
    public string? OriginalShortUrl { get; init; }

    /// <summary>Why the parser held the article for review (see <see cref="ParsedArticle.ReviewReasons"/>); kept after approval.</summary>
    public IReadOnlyList<string> ReviewReasons { get; init; } = [];

    /// <summary>When an editor approved it; an approved article is never held for review again.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>An editor's corrections, laid over every later upload of the article.</summary>
    public ArticleCorrections? Corrections { get; init; }

    /// <summary>True once the article has a public URL (it was published at least once).</summary>
    public bool HasPage => Path.Length > 0;

    /// <summary>The last version whose page was written to the site; behind <see cref="Version"/> while a render is pending.</summary>
    public int RenderedVersion { get; init; }

    /// <summary>
    /// Storage's clock (whole seconds) when the render that wrote the live page read this record, before it read the
    /// listings for previous/next links: that page shows every article indexed before then. Null when unknown.
    /// </summary>
    public DateTimeOffset? RenderedFrom { get; init; }

    /// <summary>Storage's clock (whole seconds) when this record was read; not stored.</summary>
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>Concurrency token of the stored row; null for a record not yet stored.</summary>
    public string? ETag { get; init; }
}
