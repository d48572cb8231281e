namespace Pipeline.Core.Links;

/// <summary>A link with its stored click figures.</summary>
public sealed record ShortLinkDetails(ShortLink Link, ClickTotals Clicks);
