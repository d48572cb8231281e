using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Site;

/// <summary>One article's publish or edit rewrites its page and only the files that list it; a rebuild of an unchanged site writes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncrementalRenderTests(AzuriteFixture azurite)
{
    private const int Articles = 50;

    [Fact]
    public async Task Render_HeadlineEditOfOneArticleAmong50_RewritesExactlyItsPageNeighboursAndListings()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, Articles);
        var newest = await NewestAsync(services.Get<IArticleStore>());
        var before = await SiteFiles.ETagsAsync(services.Storage.Site);

        // Article 4: section "business" (its neighbours there are articles 1 and 7), tags "climate" and "markets", 28 hours old.
        var (record, written) = await SiteSeed.EditAndRenderAsync(services, 4, newest, c => c with { Headline = "Council delays the river vote to June" });

        var month = ArticleListing.Month(record.PublishedAt).Key!;
        string[] expected =
        [
            record.Path + "index.html",
            SiteSeed.Article(1, newest).Record.Path + "index.html",
            SiteSeed.Article(7, newest).Record.Path + "index.html",
            "index.html",
            "section/business/index.html",
            "tag/climate/index.html",
            "tag/markets/index.html",
            $"archive/{month[..4]}/{month[5..]}/index.html",
            "feed.xml",
            "atom.xml",
            "section/business/feed.xml",
            "section/business/atom.xml",
            $"sitemaps/{month}.xml",
            $"search/{month}.json",
            "news-sitemap.xml",
        ];
        var changed = SiteFiles.Changed(before, await SiteFiles.ETagsAsync(services.Storage.Site));
        Assert.Equal(expected.Order(StringComparer.Ordinal), changed);
        Assert.Equal(changed, written.Order(StringComparer.Ordinal));
        Assert.True(changed.Count <= 15, $"{changed.Count} blobs written for one edit");
    }

    [Fact]
    public async Task Render_BodyEditOfOneArticleAmong50_RewritesOnlyItsPageSitemapAndFeeds()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, Articles);
        var newest = await NewestAsync(services.Get<IArticleStore>());
        var before = await SiteFiles.ETagsAsync(services.Storage.Site);

        // Article 10: section "business", 70 hours old (outside the news sitemap), among the newest 20 of both feeds.
        var (record, _) = await SiteSeed.EditAndRenderAsync(services, 10, newest, c => c with { Paragraphs = [.. c.Paragraphs, "A correction was added."] });

        var month = ArticleListing.Month(record.PublishedAt).Key!;
        string[] expected = [record.Path + "index.html", "feed.xml", "atom.xml", "section/business/feed.xml", "section/business/atom.xml", $"sitemaps/{month}.xml"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), SiteFiles.Changed(before, await SiteFiles.ETagsAsync(services.Storage.Site)));
        var page = (await services.Storage.Site.GetBlobClient(record.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("A correction was added.", page);
    }

    [Fact]
    public async Task Rebuild_NothingChanged_WritesNothing()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 20);
        var before = await SiteFiles.ETagsAsync(services.Storage.Site);

        var result = await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);

        Assert.Empty(result.Written);
        Assert.Equal(0, result.Deleted);
        Assert.Equal(before.Count, result.Unchanged);
        Assert.Empty(SiteFiles.Changed(before, await SiteFiles.ETagsAsync(services.Storage.Site)));
    }

    [Fact]
    public async Task Render_Unpublished_PageSays410AndItLeavesListingsNeighboursAndSearch()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 12);
        var store = services.Get<IArticleStore>();
        var newest = await NewestAsync(store);
        var gone = SiteSeed.Article(4, newest).Record;

        await services.Get<ArticleIngestor>().UnpublishAsync(gone.Id, CancellationToken.None);
        await services.DrainRenderQueueAsync();

        var files = await SiteFiles.ReadAllAsync(services.Storage.Site);
        var page = files[gone.Path + "index.html"];
        Assert.Equal("410", page.Metadata[SiteFile.StatusMetadata]);
        Assert.Contains("This article was removed", page.Text);
        var month = ArticleListing.Month(gone.PublishedAt).Key!;
        foreach (var path in new[] { "index.html", "section/business/index.html", "tag/climate/index.html", "feed.xml", $"search/{month}.json", $"sitemaps/{month}.xml",
            SiteSeed.Article(1, newest).Record.Path + "index.html", SiteSeed.Article(7, newest).Record.Path + "index.html" })
        {
            Assert.DoesNotContain(gone.Path, files[path].Text);
        }

        var older = SiteFiles.ParseStrict(files[SiteSeed.Article(1, newest).Record.Path + "index.html"].Text);
        Assert.Equal("/" + SiteSeed.Article(7, newest).Record.Path, older.QuerySelector("a.older")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_NewArticle_LinksItFromThePreviousNewestInItsSection()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 6);
        var store = services.Get<IArticleStore>();
        var newest = await NewestAsync(store);
        var (_, content) = SiteSeed.Article(0, newest, "A new story in world");
        var fresh = await SiteSeed.StoreAsync(store, SiteSeed.Record("fresh-story", content, DateTimeOffset.UtcNow), content);

        await services.RenderAndRefreshAsync(new RenderRequest(fresh.Id, fresh.Version), CancellationToken.None);

        var previous = (await services.Storage.Site.GetBlobClient(SiteSeed.Article(0, newest).Record.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal("/" + fresh.Path, SiteFiles.ParseStrict(previous).QuerySelector("a.newer")!.GetAttribute("href"));
    }

    /// <summary>The publish time of the newest seeded article (article 0), from which the others were spaced.</summary>
    private static async Task<DateTimeOffset> NewestAsync(IArticleStore store) =>
        (await store.ListLatestAsync(1, CancellationToken.None))[0].PublishedAt;
}
