using System.Globalization;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Publishing;

/// <summary>Where each kind of file lives in the site; the one place that knows the URL scheme.</summary>
public static class SitePaths
{
    public const string IndexDocument = "index.html";
    public const string Home = IndexDocument;
    public const string NotFound = "404.html";
    public const string Robots = "robots.txt";
    public const string SitemapIndex = "sitemap.xml";
    public const string NewsSitemap = "news-sitemap.xml";
    public const string SitemapFolder = "sitemaps/";
    public const string SearchFolder = "search/";
    public const string SearchPage = SearchFolder + IndexDocument;
    public const string SearchManifest = SearchFolder + "index.json";
    public const string AssetFolder = "assets/";

    /// <summary>Folders holding only generated listing files, which a rebuild may delete when they are no longer produced.</summary>
    public static IReadOnlyList<string> GeneratedFolders { get; } = ["page/", "section/", "tag/", "archive/", SitemapFolder, SearchFolder];

    /// <summary>The folder (URL) of a listing: <c>""</c>, <c>section/world/</c>, <c>tag/climate/</c>, <c>archive/2026/03/</c>.</summary>
    public static string Folder(ArticleListing listing) => listing.Kind switch
    {
        ArticleListingKind.All => string.Empty,
        ArticleListingKind.Section => $"section/{listing.Key}/",
        ArticleListingKind.Tag => $"tag/{listing.Key}/",
        ArticleListingKind.Month => $"archive/{listing.Key![..4]}/{listing.Key[5..]}/",
        _ => throw new ArgumentOutOfRangeException(nameof(listing)),
    };

    /// <summary>The folder of page <paramref name="page"/> (1-based) of a listing.</summary>
    public static string PageFolder(ArticleListing listing, int page) =>
        page <= 1 ? Folder(listing) : Folder(listing) + "page/" + page.ToString(CultureInfo.InvariantCulture) + "/";

    public static string Page(ArticleListing listing, int page) => PageFolder(listing, page) + IndexDocument;

    public static string Rss(ArticleListing listing) => Folder(listing) + "feed.xml";

    public static string Atom(ArticleListing listing) => Folder(listing) + "atom.xml";

    public static string Sitemap(string month) => $"{SitemapFolder}{month}.xml";

    public static string SearchShard(string month) => $"{SearchFolder}{month}.json";

    /// <summary>The month (<c>yyyy-MM</c>) a sitemap or search shard path belongs to, or null for other files.</summary>
    public static string? MonthOf(string path, string folder, string extension) =>
        path.StartsWith(folder, StringComparison.Ordinal) && path.EndsWith(extension, StringComparison.Ordinal) && path.Length == folder.Length + 7 + extension.Length
            ? path[folder.Length..^extension.Length]
            : null;

    public static string Asset(string name) => AssetFolder + name;

    /// <summary>The blob of an article's page.</summary>
    public static string Article(string articlePath) => articlePath + IndexDocument;
}
