using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;

namespace Pipeline.Functions.Http;

/// <summary>An entry of an article listing.</summary>
public sealed record ArticleListItem(string Id, string Headline, string Section, string? Url, string ShortUrl, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string? Description)
{
    public static ArticleListItem From(ArticleSummary s, PublicUrls urls) =>
        new(s.Id, s.Headline, s.Section, urls.Page(s.Path), urls.Short(s.ShortCode), s.PublishedAt, s.UpdatedAt, s.Description);
}
