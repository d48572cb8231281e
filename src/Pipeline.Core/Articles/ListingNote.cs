namespace Pipeline.Core.Articles;

/// <summary>A note that an article changed a listing, as a refresh reads it (the token identifies the stored note's version).</summary>
public sealed record ListingNote(string ListingKey, string ArticleId, DateTimeOffset At, string Token)
{
    /// <summary>
    /// Storage's clock when the render of the noting article began, after its listing rows were written: a page whose
    /// own render began later already reflects it. Null when unknown.
    /// </summary>
    public DateTimeOffset? Since { get; init; }
}
