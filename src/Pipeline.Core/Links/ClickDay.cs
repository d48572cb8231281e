namespace Pipeline.Core.Links;

/// <summary>Clicks of one link on one UTC day: people, and bots/link-preview crawlers apart.</summary>
public sealed record ClickDay(DateOnly Day, long Clicks, long Bots);
