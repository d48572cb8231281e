namespace Pipeline.Core.Links;

/// <summary>What an editor asks for when shortening a URL.</summary>
public sealed record ShortLinkRequest(
    string? Url,
    string? Code = null,
    string? Title = null,
    DateTimeOffset? ExpiresAt = null,
    string? ExpiredUrl = null,
    IReadOnlyList<string>? Tags = null,
    bool? PassQuery = null);
