using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Site;

/// <summary>
/// A newcomer notes its previous/next neighbours for the listing refresh; the refresh rewrites a neighbour page only
/// when that page was rendered before the newcomer was listed. Renders go through the queue, so each test chooses
/// their order.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NeighbourRefreshTests(AzuriteFixture azurite)
{
    private static string Markdown(string title, string date) => $"""
        ---
        title: "{title}"
        section: world
        date: {date}
        ---

        PARIS: The first paragraph of the story, long enough to be a real paragraph of news text.
        """;

    [Fact]
    public async Task Refresh_NeighbourRenderedBeforeTheNewcomerWasListed_IsRewrittenToLinkIt()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: PipelineServices.QueuedRenders);
        var older = await IngestOlderAsync(services);
        await services.DrainRenderQueueAsync();
        Assert.DoesNotContain("Ferry timetable returns", await PageAsync(services, older));

        var newer = await IngestNewerAsync(services);
        var written = await services.RenderAndRefreshAsync((await ReceiveAsync(services)).Single());

        Assert.Contains(older.Path + "index.html", written);
        await AssertLinksAsync(services, older, newer);
    }

    [Fact]
    public async Task Refresh_NeighbourRenderedAfterTheNewcomerWasListed_IsLeftAsItIs()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: PipelineServices.QueuedRenders);
        var older = await IngestOlderAsync(services);
        var newer = await IngestNewerAsync(services);
        var requests = await ReceiveAsync(services);

        // Storage's clock counts whole seconds: let it pass the newcomer's listing before the older page renders.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await services.Get<SitePublisher>().RenderAsync(requests.Single(r => r.ArticleId == older.Id), CancellationToken.None);
        var written = await services.RenderAndRefreshAsync(requests.Single(r => r.ArticleId == newer.Id));

        // The newcomer noted the older page, but that page was rendered after the newcomer was listed: it links it already.
        Assert.DoesNotContain(older.Path + "index.html", written);
        Assert.Contains("index.html", written);
        await AssertLinksAsync(services, older, newer);
    }

    [Fact]
    public async Task Render_UploadOfSixBetweenFourLiveArticles_EveryPagePointsAtItsNearestNeighbours()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: PipelineServices.QueuedRenders);
        await services.IngestAsync("desk/first.txt", GeneratedArticles.File(0, 4));
        await services.DrainRenderQueueAsync();

        // One message renders the six together, their neighbours answered from one read of the section.
        var batch = await services.IngestAsync("desk/second.txt", GeneratedArticles.File(1, 6));
        await services.DrainRenderQueueAsync();

        var store = services.Get<IArticleStore>();
        var section = ArticleListing.Section(batch.Articles[0].Section);
        var order = await store.ReadListingAsync(section, 100, CancellationToken.None);
        Assert.Equal(10, order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            var page = (await services.Storage.Site.GetBlobClient(order[i].Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
            var newer = System.Text.RegularExpressions.Regex.Match(page, "class=\"newer\" href=\"([^\"]+)\"");
            var older = System.Text.RegularExpressions.Regex.Match(page, "class=\"older\" href=\"([^\"]+)\"");
            Assert.Equal(i > 0, newer.Success);
            Assert.Equal(i < order.Count - 1, older.Success);
            if (i > 0)
            {
                Assert.EndsWith(order[i - 1].Path, newer.Groups[1].Value);
            }

            if (i < order.Count - 1)
            {
                Assert.EndsWith(order[i + 1].Path, older.Groups[1].Value);
            }
        }
    }

    private static async Task<IReadOnlyList<RenderRequest>> ReceiveAsync(PipelineServices services)
    {
        var messages = (await services.Storage.RenderQueue.ReceiveMessagesAsync(32)).Value;
        foreach (var message in messages)
        {
            await services.Storage.RenderQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return messages.Select(m => m.Body.ToObjectFromJson<RenderRequest>(System.Text.Json.JsonSerializerOptions.Web)!).ToList();
    }

    private static async Task<ArticleRecord> IngestOlderAsync(PipelineServices services) =>
        (await services.IngestAsync("world/older.md", Markdown("Harbour reopens after storm repairs", "2026-03-03T08:00:00Z"))).Articles.Single();

    private static async Task<ArticleRecord> IngestNewerAsync(PipelineServices services) =>
        (await services.IngestAsync("world/newer.md", Markdown("Ferry timetable returns to normal", "2026-03-03T09:00:00Z"))).Articles.Single();

    /// <summary>The older article's page names the newer one and links to it.</summary>
    private static async Task AssertLinksAsync(PipelineServices services, ArticleRecord older, ArticleRecord newer)
    {
        var page = await PageAsync(services, older);
        Assert.Contains(newer.Headline, page);
        Assert.Contains(newer.Path, page);
    }

    private static async Task<string> PageAsync(PipelineServices services, ArticleRecord article) =>
        (await services.Storage.Site.GetBlobClient(article.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
}
