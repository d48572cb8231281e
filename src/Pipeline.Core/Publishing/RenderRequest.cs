namespace Pipeline.Core.Publishing;

/// <summary>A queued request to render one article at (at least) the given version, several articles, the noted listings, or the whole site.</summary>
public sealed record RenderRequest(string ArticleId, int Version)
{
    /// <summary>Several articles rendered by one message (an upload's articles): their notes and marks are written together.</summary>
    public IReadOnlyList<RenderRequest>? Articles { get; init; }

    /// <summary>
    /// Storage's clock after the article's listing rows for this version were written: a neighbour page whose render
    /// began later already lists it. Null when unknown.
    /// </summary>
    public DateTimeOffset? ListedBefore { get; init; }

    /// <summary>One request for these article versions: a single article's request, or a batch of them.</summary>
    public static RenderRequest For(IReadOnlyList<(string Id, int Version)> articles, DateTimeOffset? listedBefore = null) => articles.Count == 1
        ? new RenderRequest(articles[0].Id, articles[0].Version) { ListedBefore = listedBefore }
        : new RenderRequest(string.Empty, 0) { Articles = articles.Select(a => new RenderRequest(a.Id, a.Version) { ListedBefore = listedBefore }).ToList() };

    /// <summary>True for a full rebuild (<c>republish</c>) rather than one article.</summary>
    public bool Everything { get; init; }

    /// <summary>True for a refresh of the listings noted as out of date (home, sections, tags, months, feeds, sitemaps).</summary>
    public bool Listings { get; init; }

    /// <summary>Identifies one listing refresh, so it recognises the queued mark written for it.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// A request to render the listings noted as out of date, once for however many articles changed them; with
    /// <paramref name="token"/>, the same refresh asked for again.
    /// </summary>
    public static RenderRequest RefreshListings(string? token = null) => new(string.Empty, 0) { Listings = true, Token = token ?? Guid.NewGuid().ToString("N") };

    /// <summary>A request to rebuild every page of the site.</summary>
    public static RenderRequest Rebuild() => new(string.Empty, 0) { Everything = true };
}
