namespace Pipeline.Core.Links;

/// <summary>A short code and where it redirects.</summary>
public sealed record ShortLink
{
    public required string Code { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }

    /// <summary>The article this link was made for, if any.</summary>
    public string? ArticleId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
