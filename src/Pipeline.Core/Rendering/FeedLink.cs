namespace Pipeline.Core.Rendering;

/// <summary>A feed a page points at: title, address and media type.</summary>
public sealed record FeedLink(string Title, string Href, string Type);
