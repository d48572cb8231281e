namespace Pipeline.Core.Rendering;

/// <summary>What a feed says of itself: title, description, the page it mirrors and its own addresses.</summary>
public sealed record FeedChannel(string Title, string Description, string PageUrl, string RssUrl, string AtomUrl, string Language, string Publisher);
