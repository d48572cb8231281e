using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Site;

/// <summary>Every file a full rebuild writes, read back from the site container and checked as a browser, a crawler or a feed reader would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiteOutputTests(AzuriteFixture azurite)
{
    private const string Payload = "\"'><script>alert(1)</script><img src=x onerror=alert(2)></script><!--";

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Rebuild_EveryHtmlPage_IsWellFormedWithOneH1AndAbsoluteCanonicalAndOpenGraph()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 45);

        var files = await SiteFiles.ReadAllAsync(services.Storage.Site);

        var pages = files.Where(f => f.Value.Properties.ContentType == SiteFile.Html).ToList();
        Assert.True(pages.Count > 60, $"expected article, listing, archive and notice pages; found {pages.Count}");
        foreach (var (path, (_, _, html)) in pages)
        {
            var document = SiteFiles.ParseStrict(html);
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{path}: exactly one h1");

            // The static-website endpoint sends no headers: the policy travels in the page, ahead of anything it governs.
            var head = document.Head!.Children;
            Assert.Equal("Content-Security-Policy", head[1].GetAttribute("http-equiv"));
            Assert.Equal(Core.Rendering.SitePolicy.ContentSecurityPolicy, head[1].GetAttribute("content"));
            Assert.DoesNotContain("frame-ancestors", head[1].GetAttribute("content"), StringComparison.Ordinal);
            AssertAbsolute(path, document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            foreach (var property in new[] { "og:title", "og:type", "og:url", "og:image", "og:site_name" })
            {
                Assert.False(string.IsNullOrEmpty(Meta(document, "property", property)), $"{path}: {property}");
            }

            AssertAbsolute(path, Meta(document, "property", "og:url"));
            AssertAbsolute(path, Meta(document, "property", "og:image"));
            Assert.NotNull(Meta(document, "name", "twitter:card"));
            Assert.All(document.QuerySelectorAll("script[src], link[rel=stylesheet], link[rel=icon]"), e =>
                Assert.StartsWith("/assets/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
        }

        Assert.Contains("index.html", files.Keys);
        Assert.Contains("page/2/index.html", files.Keys);
        Assert.Contains("section/world/index.html", files.Keys);
        Assert.Contains("tag/climate/index.html", files.Keys);
        Assert.Contains("tag/climate/page/2/index.html", files.Keys);
        Assert.Contains(files.Keys, p => p.StartsWith("archive/", StringComparison.Ordinal));
        Assert.Contains("search/index.html", files.Keys);
        Assert.Contains("404.html", files.Keys);
    }

    [Fact]
    public async Task Rebuild_ArticlePages_HaveNewsArticleJsonLdTimesLinksAndNeighbours()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 12);

        var files = await SiteFiles.ReadAllAsync(services.Storage.Site);

        var articles = files.Where(f => SiteFiles.IsArticlePage(f.Key)).ToList();
        Assert.Equal(12, articles.Count);
        foreach (var (path, (_, _, html)) in articles)
        {
            var document = SiteFiles.ParseStrict(html);
            var ld = document.QuerySelectorAll("script[type='application/ld+json']").Single();
            using var json = JsonDocument.Parse(ld.TextContent);
            var root = json.RootElement;
            Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
            foreach (var field in new[] { "headline", "datePublished", "dateModified", "author", "image", "publisher" })
            {
                Assert.True(root.TryGetProperty(field, out _), $"{path}: JSON-LD {field}");
            }

            Assert.Equal(document.QuerySelector("h1")!.TextContent, root.GetProperty("headline").GetString());
            Assert.True(DateTimeOffset.TryParse(root.GetProperty("datePublished").GetString(), out _));
            AssertAbsolute(path, root.GetProperty("image")[0].GetString());
            AssertAbsolute(path, root.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
            Assert.NotNull(document.QuerySelector("time[datetime]"));
            Assert.NotNull(document.QuerySelector(".kicker a[href^='/section/']"));
            Assert.NotEmpty(document.QuerySelectorAll("a[rel=tag][href^='/tag/']"));
            Assert.NotNull(document.QuerySelector("button.copy-link[data-copy^='http://127.0.0.1:7071/']"));
            Assert.NotNull(document.QuerySelector("a.older, a.newer"));
            Assert.NotEmpty(document.QuerySelectorAll(".related li a"));
        }

        var withImage = SiteFiles.ParseStrict(files.Single(f => f.Value.Text.Contains("https://images.example/0.jpg", StringComparison.Ordinal) && SiteFiles.IsArticlePage(f.Key)).Value.Text);
        Assert.Equal("https://images.example/0.jpg", withImage.QuerySelector("figure.lead-image img")!.GetAttribute("src"));
        Assert.Contains("Desk photo", withImage.QuerySelector("figure.lead-image figcaption")!.TextContent);
        Assert.Equal("summary_large_image", Meta(withImage, "name", "twitter:card"));
    }

    [Fact]
    public async Task Rebuild_FeedsSitemapsAndSearchIndex_ParseWithTheirRequiredElements()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 30);

        var files = await SiteFiles.ReadAllAsync(services.Storage.Site);

        foreach (var rss in new[] { "feed.xml", "section/world/feed.xml" })
        {
            var channel = XDocument.Parse(files[rss].Text).Root!.Element("channel")!;
            Assert.All(new[] { "title", "link", "description" }, name => Assert.False(string.IsNullOrEmpty(channel.Element(name)?.Value), $"{rss} {name}"));
            var items = channel.Elements("item").ToList();
            Assert.NotEmpty(items);
            Assert.All(items, item => Assert.All(new[] { "title", "link", "guid", "pubDate" }, name => Assert.NotNull(item.Element(name))));
            Assert.Equal(SiteFile.Rss, files[rss].Properties.ContentType);
        }

        foreach (var atom in new[] { "atom.xml", "section/business/atom.xml" })
        {
            var feed = XDocument.Parse(files[atom].Text).Root!;
            Assert.Equal(Atom + "feed", feed.Name);
            Assert.All(new[] { "id", "title", "updated" }, name => Assert.NotNull(feed.Element(Atom + name)));
            Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
            var entries = feed.Elements(Atom + "entry").ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.All(new[] { "id", "title", "updated", "link" }, name => Assert.NotNull(e.Element(Atom + name))));
        }

        var index = XDocument.Parse(files["sitemap.xml"].Text).Root!;
        Assert.Equal(Sitemap + "sitemapindex", index.Name);
        var children = index.Elements(Sitemap + "sitemap").Select(s => new Uri(s.Element(Sitemap + "loc")!.Value)).ToList();
        Assert.NotEmpty(children);
        var urls = children.SelectMany(c => XDocument.Parse(files[c.AbsolutePath.TrimStart('/')].Text).Root!.Elements(Sitemap + "url")).ToList();
        Assert.Equal(30, urls.Count);
        Assert.All(urls, u => Assert.NotNull(u.Element(Sitemap + "lastmod")));

        var news = XDocument.Parse(files["news-sitemap.xml"].Text).Root!.Elements(Sitemap + "url").ToList();
        Assert.Equal(7, news.Count); // articles are 7 hours apart: 0 to 42 hours old are within 48 hours
        Assert.All(news, u =>
        {
            var entry = u.Element(News + "news")!;
            Assert.NotNull(entry.Element(News + "publication")?.Element(News + "name"));
            Assert.NotNull(entry.Element(News + "publication")?.Element(News + "language"));
            Assert.NotNull(entry.Element(News + "publication_date"));
            Assert.NotNull(entry.Element(News + "title"));
        });

        Assert.Contains("Sitemap: http://127.0.0.1:8080/sitemap.xml", files["robots.txt"].Text);
        Assert.Contains("Sitemap: http://127.0.0.1:8080/news-sitemap.xml", files["robots.txt"].Text);

        using var manifest = JsonDocument.Parse(files["search/index.json"].Text);
        var shards = manifest.RootElement.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(30, shards.Sum(s => JsonDocument.Parse(files[s].Text).RootElement.GetProperty("articles").GetArrayLength()));
    }

    [Fact]
    public async Task Rebuild_EveryFile_HasContentTypeWithCharsetAndCacheControl()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 5);

        var files = await SiteFiles.ReadAllAsync(services.Storage.Site);

        foreach (var (path, (properties, _, _)) in files)
        {
            Assert.False(string.IsNullOrEmpty(properties.CacheControl), $"{path}: Cache-Control");
            Assert.True(properties.ContentType == SiteFile.Png || properties.ContentType.EndsWith("; charset=utf-8", StringComparison.Ordinal), $"{path}: {properties.ContentType}");
        }

        Assert.Equal(SiteFile.PageCache, files.First(f => SiteFiles.IsArticlePage(f.Key)).Value.Properties.CacheControl);
        Assert.Equal(SiteFile.IndexCache, files["index.html"].Properties.CacheControl);
        Assert.Equal(SiteFile.AssetCache, files["assets/style.css"].Properties.CacheControl);
        Assert.Equal(SiteFile.JavaScript, files["assets/site.js"].Properties.ContentType);
    }

    [Fact]
    public async Task Render_ScriptPayloadInEveryField_ComesOutAsInertText()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();
        var content = new ParsedArticle
        {
            Headline = "Headline " + Payload,
            Caption = Payload,
            ImageCredit = Payload,
            ImageUrl = "javascript:alert(3)",
            Byline = Payload,
            Edition = Payload,
            UpdatedText = Payload,
            Updated = DateTimeOffset.UtcNow,
            Summary = [Payload],
            Dateline = Payload,
            Paragraphs = [Payload, "</p><script>alert(4)</script>"],
            Section = "world",
            Tags = [Payload, "javascript:alert(5)"],
        };
        var record = SiteSeed.Record("xss-article", content, DateTimeOffset.UtcNow.AddHours(-1)) with { Description = Payload };
        await SiteSeed.StoreAsync(store, record, content);
        await SiteSeed.SeedAsync(store, 3, DateTimeOffset.UtcNow.AddHours(-2));

        await services.RenderAndRefreshAsync(new RenderRequest(record.Id, 1), CancellationToken.None);

        var files = await SiteFiles.ReadAllAsync(services.Storage.Site);
        foreach (var (path, (properties, _, text)) in files.Where(f => f.Value.Properties.ContentType == SiteFile.Html))
        {
            var document = SiteFiles.ParseStrict(text);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.True(
                s.GetAttribute("type") == "application/ld+json" || s.GetAttribute("src")?.StartsWith("/assets/", StringComparison.Ordinal) == true,
                $"{path}: only the theme's scripts and JSON-LD"));
            Assert.All(document.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.All(document.QuerySelectorAll("[href], [src], [action]"), e => Assert.All(new[] { "href", "src", "action" }, name =>
                Assert.False(e.GetAttribute(name)?.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true, $"{path}: {name}")));
            Assert.Empty(document.QuerySelectorAll("img[src=x]"));
        }

        var page = SiteFiles.ParseStrict(files[record.Path + "index.html"].Text);
        Assert.Equal(content.Headline, page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("figure.lead-image"));
        var ld = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.DoesNotContain("<", ld, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(ld))
        {
            Assert.Equal(content.Headline, json.RootElement.GetProperty("headline").GetString());
            Assert.Equal(Payload, json.RootElement.GetProperty("description").GetString());
            Assert.Equal(Payload, json.RootElement.GetProperty("author")[0].GetProperty("name").GetString());
        }

        var rss = XDocument.Parse(files["feed.xml"].Text);
        Assert.Contains(content.Headline, rss.Descendants("title").Select(t => t.Value));
        var shard = files.Single(f => f.Key.StartsWith("search/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal) && f.Key != SitePaths.SearchManifest);
        Assert.Contains(content.Headline, JsonDocument.Parse(shard.Value.Text).RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("h").GetString()));
    }

    [Theory]
    [InlineData("کراچی میں بارش کے بعد سڑکیں زیر آب آگئیں", "ur")]
    [InlineData("الأمطار الغزيرة تغمر شوارع المدينة القديمة", "ar")]
    public async Task Render_ArticleInArabicScript_IsMarkedRightToLeftWithItsLanguage(string headline, string language)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var content = new ParsedArticle { Headline = headline, Paragraphs = [headline, headline], Section = "pakistan" };
        var record = SiteSeed.Record("rtl-article", content, DateTimeOffset.UtcNow.AddHours(-1));
        await SiteSeed.StoreAsync(services.Get<IArticleStore>(), record, content);

        await services.RenderAndRefreshAsync(new RenderRequest(record.Id, 1), CancellationToken.None);

        var html = (await services.Storage.Site.GetBlobClient(record.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
        var article = SiteFiles.ParseStrict(html).QuerySelector("article")!;
        Assert.Equal(language, article.GetAttribute("lang"));
        Assert.Equal("rtl", article.GetAttribute("dir"));
        Assert.All(article.QuerySelectorAll(".body p"), p => Assert.Equal("auto", p.GetAttribute("dir")));
        var home = SiteFiles.ParseStrict((await services.Storage.Site.GetBlobClient("index.html").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(language, home.QuerySelector(".article-list h2")!.GetAttribute("lang"));
    }

    [Fact]
    public void ParseStrict_MisnestedMarkup_Throws()
    {
        // The page checks above rely on strict parsing failing on markup a browser would have to repair.
        Assert.ThrowsAny<Exception>(() => SiteFiles.ParseStrict("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><b>x</p></b></body></html>"));
    }

    private static string? Meta(IParentNode document, string attribute, string key) =>
        document.QuerySelectorAll("meta").FirstOrDefault(m => m.GetAttribute(attribute) == key)?.GetAttribute("content");

    private static void AssertAbsolute(string path, string? url) =>
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"{path}: '{url}' is not an absolute URL");
}
