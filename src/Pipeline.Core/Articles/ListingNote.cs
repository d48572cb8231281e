namespace Pipeline.Core.Articles;

/// <summary>A note that an article changed a listing, as a refresh reads it (the token identifies the stored note's version).</summary>
public sealed record ListingNote(string ListingKey, string ArticleId, DateTimeOffset At, string Token);
