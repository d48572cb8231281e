using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Turns articles and listings into the site's files (pages, feeds, sitemaps, search index) with their headers. Pure:
/// it reads nothing, so the incremental renderer and the full rebuild produce byte-identical files from the same data.
/// </summary>
public sealed class SiteComposer(PageRenderer pages, ShortLinkService links, IOptions<PipelineOptions> options, TimeProvider clock)
{
    /// <summary>How far back the Google News sitemap reaches.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    private PipelineOptions Options => options.Value;

    public SiteFile Article(SiteTheme theme, ArticleRecord record, ParsedArticle content, ArticleNeighbourhood around) =>
        Html(SitePaths.Article(record.Path), pages.RenderArticle(theme, record, content, links.ShortUrl(record.ShortCode), around), SiteFile.PageCache);

    /// <summary>The page a removed article's URL keeps: the removal notice, standing for 410 Gone.</summary>
    public SiteFile Removed(SiteTheme theme, string articlePath) =>
        Html(SitePaths.Article(articlePath), pages.RenderRemoved(theme, articlePath), SiteFile.IndexCache) with { Status = 410 };

    /// <summary>How many articles a feed carries.</summary>
    public int FeedItems => Options.FeedItems;

    /// <summary>How many articles one page of a listing shows.</summary>
    public int PageSize(ArticleListing listing) => listing.Kind == ArticleListingKind.All ? Options.HomePageSize : Options.ListPageSize;

    public SiteFile ListingPage(SiteTheme theme, ArticleListing listing, int page, IReadOnlyList<ArticleSummary> items, bool hasOlder) =>
        Html(SitePaths.Page(listing, page), pages.RenderListing(theme, listing, page, items, hasOlder), SiteFile.IndexCache);

    /// <summary>Every page of a listing, when all its articles are at hand (a rebuild).</summary>
    public IEnumerable<SiteFile> ListingPages(SiteTheme theme, ArticleListing listing, IReadOnlyList<ArticleSummary> all)
    {
        var size = PageSize(listing);
        var count = Math.Max(1, (all.Count + size - 1) / size);
        for (var page = 1; page <= count; page++)
        {
            var items = all.Skip((page - 1) * size).Take(size).ToList();
            yield return ListingPage(theme, listing, page, items, page < count);
        }
    }

    /// <summary>RSS and Atom of the site (<see cref="ArticleListing.Latest"/>) or of a section, from its newest articles.</summary>
    /// <param name="bodies">Content of the feed's items by id (see <see cref="FeedItemsOf"/>), for their full text.</param>
    public IEnumerable<SiteFile> Feeds(ArticleListing listing, IReadOnlyList<ArticleSummary> latest, IReadOnlyDictionary<string, ParsedArticle>? bodies = null)
    {
        var items = latest.Take(Options.FeedItems).ToList();
        var name = listing.Key is { } key ? $"{SiteText.Humanize(key)} | {Options.SiteName}" : Options.SiteName;
        var channel = new FeedChannel(
            name,
            listing.Key is { } section ? $"The latest {SiteText.Humanize(section)} news from {Options.SiteName}" : $"The latest news from {Options.SiteName}",
            Absolute(SitePaths.Folder(listing)),
            Absolute(SitePaths.Rss(listing)),
            Absolute(SitePaths.Atom(listing)),
            Options.SiteLanguage,
            Options.SiteName);
        yield return new SiteFile(SitePaths.Rss(listing), FeedWriter.Rss(channel, items, Options.SiteBaseUrl, bodies), SiteFile.Rss, SiteFile.IndexCache);
        yield return new SiteFile(SitePaths.Atom(listing), FeedWriter.Atom(channel, items, Options.SiteBaseUrl, bodies), SiteFile.Atom, SiteFile.IndexCache);
    }

    /// <summary>The items a feed of <paramref name="latest"/> carries.</summary>
    public IEnumerable<ArticleSummary> FeedItemsOf(IReadOnlyList<ArticleSummary> latest) => latest.Take(Options.FeedItems);

    /// <summary>A month's files: its archive page (all of the month on one page), its sitemap and its search shard.</summary>
    public IEnumerable<SiteFile> Month(SiteTheme theme, string month, IReadOnlyList<ArticleSummary> items)
    {
        yield return ListingPage(theme, new ArticleListing(ArticleListingKind.Month, month), 1, items, hasOlder: false);
        yield return new SiteFile(SitePaths.Sitemap(month), SitemapWriter.UrlSet(items, Options.SiteBaseUrl), SiteFile.Xml, SiteFile.IndexCache);
        yield return new SiteFile(SitePaths.SearchShard(month), SearchIndexWriter.Shard(items), SiteFile.Json, SiteFile.IndexCache);
    }

    /// <summary>The paths of <see cref="Month"/>'s files, to delete when a month has no article left.</summary>
    public static IEnumerable<string> MonthPaths(string month) =>
        [SitePaths.Page(new ArticleListing(ArticleListingKind.Month, month), 1), SitePaths.Sitemap(month), SitePaths.SearchShard(month)];

    /// <summary>True while an article belongs in the news sitemap.</summary>
    public bool IsNews(ArticleSummary article) => article.PublishedAt >= clock.GetUtcNow() - NewsWindow;

    /// <summary>The Google News sitemap of the articles published in the last 48 hours (newest first, as given).</summary>
    public SiteFile NewsSitemap(IEnumerable<ArticleSummary> latest) => new(
        SitePaths.NewsSitemap,
        SitemapWriter.News(latest.Where(IsNews), Options.SiteBaseUrl, Options.SiteName, Options.SiteLanguage),
        SiteFile.Xml,
        SiteFile.IndexCache);

    /// <summary>The files that list the months: the sitemap index and the search manifest; they change only when a month comes or goes.</summary>
    public IEnumerable<SiteFile> MonthIndexes(IEnumerable<string> months)
    {
        var newestFirst = months.Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
        yield return new SiteFile(SitePaths.SitemapIndex, SitemapWriter.Index(newestFirst.Select(m => Absolute(SitePaths.Sitemap(m)))), SiteFile.Xml, SiteFile.IndexCache);
        yield return new SiteFile(SitePaths.SearchManifest, SearchIndexWriter.Manifest(newestFirst.Select(SitePaths.SearchShard)), SiteFile.Json, SiteFile.IndexCache);
    }

    /// <summary>Files that do not depend on articles: theme assets, the 404 and search pages, robots.txt.</summary>
    public IEnumerable<SiteFile> Static(SiteTheme theme)
    {
        foreach (var asset in theme.Assets.Values)
        {
            yield return new SiteFile(SitePaths.Asset(asset.Name), asset.Content, asset.ContentType, SiteFile.AssetCache);
        }

        yield return Html(SitePaths.NotFound, pages.RenderNotFound(theme), SiteFile.IndexCache);
        yield return Html(SitePaths.SearchPage, pages.RenderSearch(theme), SiteFile.IndexCache);
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {Absolute(SitePaths.SitemapIndex)}\nSitemap: {Absolute(SitePaths.NewsSitemap)}\n";
        yield return new SiteFile(SitePaths.Robots, Encoding.UTF8.GetBytes(robots), SiteFile.Text, SiteFile.IndexCache);
    }

    private static SiteFile Html(string path, string html, string cacheControl) => new(path, Encoding.UTF8.GetBytes(html), SiteFile.Html, cacheControl);

    private string Absolute(string path) => new Uri(Options.SiteBaseUrl, path).ToString();
}
