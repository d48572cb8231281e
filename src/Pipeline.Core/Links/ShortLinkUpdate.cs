namespace Pipeline.Core.Links;

/// <summary>A change to a link (PATCH): fields left null stay as they are; <see cref="ClearExpiry"/> removes the expiry.</summary>
public sealed record ShortLinkUpdate(
    string? Url = null,
    string? Title = null,
    DateTimeOffset? ExpiresAt = null,
    string? ExpiredUrl = null,
    bool ClearExpiry = false,
    bool? PassQuery = null);
