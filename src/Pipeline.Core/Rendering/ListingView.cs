namespace Pipeline.Core.Rendering;

/// <summary>One page of a listing: home, a section, a tag or a month.</summary>
public sealed record ListingView
{
    public required string Heading { get; init; }
    public string? Intro { get; init; }
    public IReadOnlyList<ListItemView> Items { get; init; } = [];

    /// <summary>
    /// The front's lead story, on the first page of home and section fronts: the newest of the first few with a picture
    /// (not repeated in <see cref="Items"/>); null on other listings or when none of them has one.
    /// </summary>
    public ListItemView? Lead { get; init; }

    /// <summary>The stories right under the lead, shown with their pictures; empty when there is no lead.</summary>
    public IReadOnlyList<ListItemView> Secondary { get; init; } = [];

    /// <summary>Headlines and dates only (the monthly archive lists a whole month).</summary>
    public bool Compact { get; init; }

    public int PageNumber { get; init; } = 1;
    public string? NewerHref { get; init; }
    public string? OlderHref { get; init; }
    public string? RssHref { get; init; }
    public string? AtomHref { get; init; }
}
