using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;

namespace Pipeline.Functions.Http;

/// <summary>An article as the management API shows it; its page is live once <see cref="RenderedVersion"/> reaches <see cref="Version"/>.</summary>
public sealed record ArticleResponse(
    string Id,
    string Headline,
    string State,
    string Section,
    IReadOnlyList<string> Tags,
    string Slug,
    string? Url,
    string ShortUrl,
    string? OriginalShortUrl,
    int Version,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    string? Description,
    string SourceBlob,
    int RenderedVersion,
    IReadOnlyList<string> ReviewReasons,
    DateTimeOffset? ApprovedAt)
{
    public static ArticleResponse From(ArticleRecord r, PublicUrls urls) => new(
        r.Id, r.Headline, r.State.ToString().ToLowerInvariant(), r.Section, r.Tags, r.Slug, urls.Page(r.Path), urls.Short(r.ShortCode),
        r.OriginalShortUrl, r.Version, r.PublishedAt, r.UpdatedAt, r.Description, r.SourceBlob, r.RenderedVersion,
        r.State == ArticleState.Review || r.ApprovedAt is not null ? r.ReviewReasons : [], r.ApprovedAt);
}
