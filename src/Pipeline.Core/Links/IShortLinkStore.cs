namespace Pipeline.Core.Links;

/// <summary>Persistence of short links and their clicks, keyed case-insensitively by code.</summary>
public interface IShortLinkStore
{
    /// <summary>Inserts the link only if its code is free; false when the code is taken. Atomic: no read-then-write.</summary>
    /// <param name="listed">False when the caller writes the listing rows itself afterwards (<see cref="ListAsync(IReadOnlyCollection{ShortLink}, CancellationToken)"/>).</param>
    Task<bool> TryAddAsync(ShortLink link, CancellationToken cancellationToken, bool listed = true);

    /// <summary>Writes the listing rows of these links (idempotent), one transaction per listing.</summary>
    Task ListAsync(IReadOnlyCollection<ShortLink> links, CancellationToken cancellationToken);

    Task<ShortLink?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>Replaces a link read earlier, only if nobody changed it since (its <see cref="ShortLink.ETag"/>); false when someone did.</summary>
    Task<bool> TryReplaceAsync(ShortLink link, CancellationToken cancellationToken);

    /// <summary>Links newest first, all or those with <paramref name="tag"/>; a page may hold fewer than <paramref name="top"/>.</summary>
    Task<ShortLinkPage> ListAsync(string? tag, int top, string? continuation, CancellationToken cancellationToken);

    /// <summary>Adds counted clicks to the stored day; safe against other instances adding to the same day at once.</summary>
    Task AddClicksAsync(ClickDelta delta, CancellationToken cancellationToken);

    Task<ClickTotals> GetClicksAsync(string code, CancellationToken cancellationToken);
}
