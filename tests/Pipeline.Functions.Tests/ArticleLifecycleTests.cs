using Azure.Data.Tables;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Re-uploads, edits, collisions and concurrency: the article store as the single source of truth.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleLifecycleTests(AzuriteFixture azurite)
{
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    [Fact]
    public async Task Ingest_SameFileAgain_ChangesNoRowNoPageAndQueuesNothing()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = await services.IngestAsync("desk/two.txt", TwoArticles);
        await services.DrainRenderQueueAsync();
        var rowsBefore = await ArticleRowETagsAsync(services);
        var pagesBefore = await SiteETagsAsync(services);

        var again = await services.IngestAsync("desk/two.txt", TwoArticles);

        Assert.Equal(first.Articles.Select(a => a.Id), again.Articles.Select(a => a.Id));
        Assert.Equal(rowsBefore, await ArticleRowETagsAsync(services));
        Assert.Equal(0, await services.DrainRenderQueueAsync());
        Assert.Equal(pagesBefore, await SiteETagsAsync(services));
        Assert.Equal(2, await CountLinksAsync(services.Storage.ShortLinks));
    }

    [Fact]
    public async Task Ingest_EditedBody_MakesVersion2UnderTheSameUrlAndCode()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = (await services.IngestAsync("two.txt", TwoArticles)).Articles[0];
        await services.DrainRenderQueueAsync();

        var edited = TwoArticles.Replace("kept the town centre dry on Tuesday", "kept the town centre dry on Tuesday night");
        var again = await services.IngestAsync("two.txt", edited);
        var second = again.Articles[0];
        await services.DrainRenderQueueAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Version);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(first.ShortCode, second.ShortCode);
        Assert.True(second.UpdatedAt > first.UpdatedAt);

        // Only the edited article has a new version to render; the other one is untouched.
        var store = services.Get<IArticleStore>();
        Assert.Equal(2, (await store.GetAsync(second.Id, CancellationToken.None))!.RenderedVersion);
        Assert.Equal(1, (await store.GetAsync(again.Articles[1].Id, CancellationToken.None))!.Version);
        var page = (await services.Storage.Site.GetBlobClient(first.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("dry on Tuesday night", page);
        var versions = await services.Get<IArticleStore>().GetVersionsAsync(first.Id, CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(2, await CountLinksAsync(services.Storage.ShortLinks));
    }

    [Fact]
    public async Task Ingest_EditedHeadline_KeepsUrlAndShowsTheNewHeadline()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = (await services.IngestAsync("two.txt", TwoArticles)).Articles[0];
        await services.DrainRenderQueueAsync();

        var edited = TwoArticles.Replace("Flood barrier trial keeps river town dry during spring tide", "Flood barrier holds as river town stays dry");
        var second = (await services.IngestAsync("two.txt", edited)).Articles[0];
        await services.DrainRenderQueueAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal("Flood barrier holds as river town stays dry", second.Headline);
        var home = (await services.Storage.Site.GetBlobClient("index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Flood barrier holds as river town stays dry", home);
        Assert.DoesNotContain("Flood barrier trial keeps river town dry", home);
    }

    [Fact]
    public async Task Ingest_ArticlesReordered_EachKeepsItsOwnUrl()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = await services.IngestAsync("two.txt", TwoArticles);
        var split = TwoArticles.IndexOf("Library reopens", StringComparison.Ordinal);
        var reordered = TwoArticles[split..] + "\n\n" + TwoArticles[..split];

        var second = await services.IngestAsync("two.txt", reordered);

        Assert.Equal(first.Articles[0].Id, second.Articles[1].Id);
        Assert.Equal(first.Articles[1].Id, second.Articles[0].Id);
        Assert.Equal(first.Articles[0].Path, second.Articles[1].Path);
    }

    [Fact]
    public async Task Ingest_SameHeadlineInTwoUploads_GivesTwoDistinctSlugs()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var a = (await services.IngestAsync("a.txt", TwoArticles)).Articles[0];
        // A different story (another source link, another body) that happens to share the headline.
        var b = (await services.IngestAsync("b.txt", TwoArticles.Replace("kept the town centre dry", "kept the old town dry").Replace("7xk2p", "9hq4z"))).Articles[0];

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal("flood-barrier-trial-keeps-river-town-dry-during-spring-tide", a.Slug);
        Assert.Equal("flood-barrier-trial-keeps-river-town-dry-during-spring-tide-2", b.Slug);
        Assert.NotEqual(a.Path, b.Path);
        Assert.NotEqual(a.ShortCode, b.ShortCode);
    }

    [Fact]
    public async Task Ingest_TwentyConcurrentRunsOfOneFile_StoreEachArticleOnceWithOneLink()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var blob = services.Storage.Uploads.GetBlobClient("burst.txt");
        await blob.UploadAsync(BinaryData.FromString(TwoArticles));
        var ingest = services.Create<Functions.IngestArticle>();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => ingest.Run(blob, "burst.txt", CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(2, r.Articles.Count));
        var records = await services.Storage.Articles.QueryAsync<TableEntity>(e => e.RowKey == "article").ToListAsync();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(1, r.GetInt32("Version")));
        Assert.Equal(2, await CountLinksAsync(services.Storage.ShortLinks));
        Assert.Equal(records.Select(r => r.GetString("ShortCode")).Order(), results[0].Articles.Select(a => a.ShortCode).Order());
    }

    [Fact]
    public async Task Ingest_TwentyConcurrentFilesWithCollidingHeadlines_GivesEachArticleItsOwnSlugUrlAndLink()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var ingest = services.Create<Functions.IngestArticle>();
        var blobs = new List<Azure.Storage.Blobs.BlobClient>();
        for (var i = 0; i < 20; i++)
        {
            // Same headlines in every file, different bodies: twenty different articles racing for the same slugs.
            var blob = services.Storage.Uploads.GetBlobClient($"desk-{i:D2}.txt");
            await blob.UploadAsync(BinaryData.FromString(TwoArticles.Replace("kept the town centre dry", $"kept district {i} dry").Replace("7xk2p", $"7xk{i:D2}")
                .Replace("cost the council 14 million", $"cost the council {i} million")));
            blobs.Add(blob);
        }

        var results = await Task.WhenAll(blobs.Select(b => Task.Run(() => ingest.Run(b, b.Name, CancellationToken.None))));

        var articles = results.SelectMany(r => r.Articles).ToList();
        Assert.Equal(40, articles.Count);
        Assert.Equal(40, articles.Select(a => a.Slug).Distinct().Count());
        Assert.Equal(40, articles.Select(a => a.Path).Distinct().Count());
        Assert.Equal(40, articles.Select(a => a.ShortCode).Distinct().Count());
        Assert.Contains(articles, a => a.Slug == "flood-barrier-trial-keeps-river-town-dry-during-spring-tide");
        var records = await services.Storage.Articles.QueryAsync<TableEntity>(e => e.RowKey == "article").ToListAsync();
        Assert.Equal(40, records.Count);
        Assert.Equal(40, await CountLinksAsync(services.Storage.ShortLinks));
    }

    [Fact]
    public async Task Unpublish_PublishedArticle_PageSays410AndItLeavesTheHomePage()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var article = (await services.IngestAsync("two.txt", TwoArticles)).Articles[0];
        await services.DrainRenderQueueAsync();

        var removed = await services.Get<ArticleIngestor>().UnpublishAsync(article.Id, CancellationToken.None);
        await services.DrainRenderQueueAsync();

        Assert.Equal(ArticleState.Removed, removed!.State);
        var page = (await services.Storage.Site.GetBlobClient(article.Path + "index.html").DownloadContentAsync()).Value;
        Assert.Equal("410", page.Details.Metadata[SiteFile.StatusMetadata]);
        Assert.Contains("This article was removed", page.Content.ToString());
        var home = (await services.Storage.Site.GetBlobClient("index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain(article.Headline, home);
        Assert.Single(await services.Get<IArticleStore>().ListLatestAsync(10, CancellationToken.None));

        var follow = HttpResults.Request("GET", "/" + article.ShortCode);
        var (status, _, _) = await HttpResults.ExecuteAsync(
            await services.Create<Functions.FollowShortLink>().Run(follow.Request, article.ShortCode, CancellationToken.None), follow);
        Assert.Equal(Microsoft.AspNetCore.Http.StatusCodes.Status410Gone, status);
    }

    /// <summary>Link rows only: the table also holds listing and click rows.</summary>
    private static async Task<int> CountLinksAsync(TableClient table) => (await table.QueryAsync<TableEntity>(e => e.RowKey == "link").ToListAsync()).Count;

    private static async Task<Dictionary<string, string>> ArticleRowETagsAsync(PipelineServices services) =>
        (await services.Storage.Articles.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(e => e.PartitionKey + "/" + e.RowKey, e => e.ETag.ToString());

    private static async Task<Dictionary<string, string>> SiteETagsAsync(PipelineServices services)
    {
        var etags = new Dictionary<string, string>();
        foreach (var container in new[] { services.Storage.Site, services.Storage.Content })
        {
            await foreach (var blob in container.GetBlobsAsync())
            {
                etags[container.Name + "/" + blob.Name] = blob.Properties.ETag.ToString()!;
            }
        }

        return etags;
    }
}
