namespace Pipeline.Core.Links;

/// <summary>Clicks counted in memory since the last flush, to be added to a link's stored day.</summary>
public sealed record ClickDelta(string Code, DateOnly Day, long Clicks, long Bots);
