using Pipeline.Core.Links;

namespace Pipeline.Functions.Http;

/// <summary>A short link as the API shows it; <see cref="Clicks"/> only on the details endpoint.</summary>
public sealed record ShortLinkView(
    string Code,
    string ShortUrl,
    string Url,
    string? Title,
    IReadOnlyList<string> Tags,
    DateTimeOffset? ExpiresAt,
    string? ExpiredUrl,
    bool PassQuery,
    string? ArticleId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ArchivedAt,
    ClickTotals? Clicks = null)
{
    public static ShortLinkView From(ShortLink link, ShortLinkService links, ClickTotals? clicks = null) => new(
        link.Code, links.ShortUrl(link.Code).ToString(), link.Url, link.Title, link.Tags, link.ExpiresAt, link.ExpiredUrl, link.PassQuery,
        link.ArticleId, link.CreatedAt, link.UpdatedAt, link.ArchivedAt, clicks);
}
