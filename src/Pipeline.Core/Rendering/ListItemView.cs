namespace Pipeline.Core.Rendering;

/// <summary>An article as a list shows it (listing pages, related articles, previous/next).</summary>
public sealed record ListItemView
{
    public required string Headline { get; init; }
    public required string Href { get; init; }
    public required string PublishedIso { get; init; }
    public required string PublishedDisplay { get; init; }
    public string? Description { get; init; }

    /// <summary>The article's section, on lists that mix sections.</summary>
    public LinkView? Section { get; init; }

    /// <summary>The lead picture's smallest renditions as a thumbnail (decorative: the headline beside it says it all).</summary>
    public PictureView? Thumbnail { get; init; }

    /// <summary>Language of the headline when it is not the site's (e.g. <c>ur</c>), else null.</summary>
    public string? Language { get; init; }
}
