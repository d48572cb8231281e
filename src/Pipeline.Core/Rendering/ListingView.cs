namespace Pipeline.Core.Rendering;

/// <summary>One page of a listing: home, a section, a tag or a month.</summary>
public sealed record ListingView
{
    public required string Heading { get; init; }
    public string? Intro { get; init; }
    public IReadOnlyList<ListItemView> Items { get; init; } = [];

    /// <summary>Headlines and dates only (the monthly archive lists a whole month).</summary>
    public bool Compact { get; init; }

    public int PageNumber { get; init; } = 1;
    public string? NewerHref { get; init; }
    public string? OlderHref { get; init; }
    public string? RssHref { get; init; }
    public string? AtomHref { get; init; }
}
