namespace Pipeline.Core.Links;

/// <summary>A short code and where it redirects.</summary>
public sealed record ShortLink
{
    public required string Code { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }

    /// <summary>The article this link was made for, if any.</summary>
    public string? ArticleId { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>After this moment the link no longer leads to <see cref="Url"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where an expired link leads instead of answering 410.</summary>
    public string? ExpiredUrl { get; init; }

    /// <summary>
    /// Whether the short URL's query (<c>?utm_source=x</c>) is added to the target; the target's own parameters win
    /// either way. Off for a target whose query must stay exactly as the editor gave it.
    /// </summary>
    public bool PassQuery { get; init; } = true;

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Set when the link was deleted: it is kept (its code stays taken) but answers 410.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>Concurrency token of the stored row; null for a link not yet stored.</summary>
    public string? ETag { get; init; }

    /// <summary>The code as it is keyed: codes are unique case-insensitively.</summary>
    public string Key => Code.ToLowerInvariant();
}
