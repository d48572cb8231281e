using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Publishing;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Functions;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class PublishingFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestArticle_TwoArticleUpload_StoresRowsLinksAndQueuesBothRendersInOneMessage()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: PipelineServices.QueuedRenders);

        var result = await IngestAsync(services, "local/two-articles.txt", TwoArticles);

        Assert.Equal(UploadState.Published, result.State);
        Assert.Equal(["Flood barrier trial keeps river town dry during spring tide", "Library reopens after two-year renovation with longer hours"],
            result.Articles.Select(a => a.Headline));
        Assert.All(result.Articles, a => Assert.Equal("local", a.Section));

        var rows = await services.Storage.Articles.QueryAsync<TableEntity>(e => e.RowKey == "article").ToListAsync();
        Assert.Equal(2, rows.Count);

        foreach (var article in result.Articles)
        {
            var link = await services.Storage.ShortLinks.GetEntityAsync<TableEntity>(article.ShortCode, "link");
            Assert.Equal($"http://127.0.0.1:8080/{article.Path}", link.Value.GetString("Url"));
        }

        // One message renders the upload's articles together.
        var messages = (await services.Storage.RenderQueue.ReceiveMessagesAsync(32)).Value;
        var request = Assert.Single(messages);
        var batch = JsonSerializer.Deserialize<RenderRequest>(request.Body.ToString(), JsonSerializerOptions.Web)!.Articles;
        Assert.NotNull(batch);
        Assert.Equal(result.Articles.Select(a => (a.Id, a.Version)).Order(), batch.Select(r => (r.ArticleId, r.Version)).Order());

        var status = await services.Get<IUploadStatusStore>().GetAsync(result.Name, CancellationToken.None);
        Assert.Equal(UploadState.Published, status!.State);
        Assert.Equal(result.Articles.Select(a => a.Id), status.ArticleIds);
    }

    [Fact]
    public async Task IngestArticle_TwoArticleUpload_BothPagesAreLiveWhenItReturns()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var result = await IngestAsync(services, "local/two-articles.txt", TwoArticles);

        await AssertLiveAsync(services, result.Articles);

        // Nothing is left for the render function but the listing refresh, and no render is pending.
        var messages = (await services.Storage.RenderQueue.ReceiveMessagesAsync(32)).Value;
        Assert.All(messages, m => Assert.True(m.Body.ToObjectFromJson<RenderRequest>(JsonSerializerOptions.Web)!.Listings));
        Assert.Empty(await services.Get<IArticleStore>().ListRenderPendingAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task IngestArticle_UploadTooLargeToRenderAlongside_QueuesItsRender()
    {
        // A 1 MB budget renders uploads of up to 128 KB of page here; this article's page is about 140 KB.
        await using var services = await PipelineServices.CreateAsync(azurite, settings: new() { ["Pipeline:WorkingMemoryBytes"] = "1048576" });
        var body = string.Join("\n\n", Enumerable.Range(1, 250).Select(i => $"Paragraph {i} of a long report on the harbour works, with enough words to fill a line of print."));

        var result = await IngestAsync(services, "local/long-report.md", BinaryData.FromString($"---\ntitle: Harbour works report\n---\n\n{body}\n"));

        var article = Assert.Single(result.Articles);
        Assert.False(await services.Storage.Site.GetBlobClient(article.Path + "index.html").ExistsAsync());
        Assert.Equal(1, await services.DrainRenderQueueAsync());
        Assert.True(await services.Storage.Site.GetBlobClient(article.Path + "index.html").ExistsAsync());
    }

    [Fact]
    public async Task IngestArticle_PageWriteFailsOnIngest_TheRenderIsQueuedAndTheRenderFunctionFinishesIt()
    {
        var fault = new FailFirstPageWrite();
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(fault));

        var result = await IngestAsync(services, "local/two-articles.txt", TwoArticles);

        // The upload is published and one page is live; the other waits in the queue rather than being lost.
        Assert.Equal(UploadState.Published, result.State);
        Assert.True(fault.Fired);
        var live = await Task.WhenAll(result.Articles.Select(a => services.Storage.Site.GetBlobClient(a.Path + "index.html").ExistsAsync()));
        Assert.Single(live, e => e.Value);
        Assert.Equal(2, await services.DrainRenderQueueAsync());
        await AssertLiveAsync(services, result.Articles);
    }

    [Fact]
    public async Task IngestArticle_SameUploadTwice_OneLinkPerArticleAndTheSourceShortUrlKept()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var upload = services.Storage.Uploads.GetBlobClient("twice.txt");
        await upload.UploadAsync(TwoArticles);
        var ingest = services.Create<IngestArticle>();

        var first = await ingest.Run(upload, upload.Name, CancellationToken.None);
        var second = await ingest.Run(upload, upload.Name, CancellationToken.None);

        Assert.Equal(first.Articles.Select(a => a.ShortCode), second.Articles.Select(a => a.ShortCode));
        var links = await services.Get<ShortLinkService>().ListAsync(null, "100", null, CancellationToken.None);
        Assert.Equal(first.Articles.Select(a => a.ShortCode).Order(), links.Value!.Links.Select(l => l.Code).Order());
        var flood = first.Articles[0];
        var content = await services.Get<IArticleStore>().GetContentAsync(flood.Id, flood.ContentHash, CancellationToken.None);
        Assert.Equal("https://source.example/7xk2p", content!.OriginalShortUrl);
        Assert.NotEqual("7xk2p", flood.ShortCode);
    }

    [Fact]
    public async Task IngestArticle_BinaryFile_RecordsReadableFailureAndPublishesNothing()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var upload = services.Storage.Uploads.GetBlobClient("broken.txt");
        await upload.UploadAsync(new BinaryData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x00, 0x01 }));

        var result = await services.Create<IngestArticle>().Run(upload, upload.Name, CancellationToken.None);

        Assert.Equal(UploadState.Failed, result.State);
        var status = await services.Get<IUploadStatusStore>().GetAsync("broken.txt", CancellationToken.None);
        Assert.Equal(UploadState.Failed, status!.State);
        Assert.Contains("not UTF-8", status.Reason);
        Assert.Empty(await services.Storage.Articles.QueryAsync<TableEntity>().ToListAsync());
        Assert.True(await upload.ExistsAsync(), "the original upload must never be removed");
    }

    [Fact]
    public async Task RenderArticle_BatchWithOneBrokenArticle_PublishesTheOtherAndFailsForTheBrokenOneOnly()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: PipelineServices.QueuedRenders);
        var ingested = await IngestAsync(services, "batch/two-articles.txt", TwoArticles);
        var (broken, fine) = (ingested.Articles[0], ingested.Articles[1]);
        await services.Storage.Content.GetBlobClient($"{broken.Id}/{broken.ContentHash}.json").DeleteAsync();
        var message = (await services.Storage.RenderQueue.ReceiveMessagesAsync(32)).Value.Single();
        var request = message.Body.ToObjectFromJson<RenderRequest>(JsonSerializerOptions.Web)!;

        // Rendered by another instance: the ingesting one still remembers the content it stored.
        await using var renderer = await PipelineServices.CreateAsync(azurite, settings: services.StorageSettings());
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.Create<RenderArticle>().Run(request, CancellationToken.None));

        // The message fails (the runtime retries it) for the broken article, but the other one's page went live.
        Assert.Contains(broken.Id, failure.Message);
        var articles = services.Get<IArticleStore>();
        Assert.Equal(fine.Version, (await articles.GetAsync(fine.Id, CancellationToken.None))!.RenderedVersion);
        Assert.Equal(0, (await articles.GetAsync(broken.Id, CancellationToken.None))!.RenderedVersion);
        Assert.True(await services.Storage.Site.GetBlobClient(fine.Path + "index.html").ExistsAsync());
        Assert.False(await services.Storage.Site.GetBlobClient(broken.Path + "index.html").ExistsAsync());
    }

    [Fact]
    public async Task RenderArticle_AfterIngest_WritesBothPagesAndHomeNewestFirst()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var ingested = await IngestAsync(services, "two-articles.txt", TwoArticles);

        var render = services.Create<RenderArticle>();
        foreach (var article in ingested.Articles)
        {
            await render.Run(new RenderRequest(article.Id, article.Version), CancellationToken.None);
        }

        // The home page is written by the listing refresh the renders queued (once for both articles).
        await services.DrainRenderQueueAsync();

        var flood = ingested.Articles[0];
        var page = services.Storage.Site.GetBlobClient(flood.Path + "index.html");
        var properties = (await page.GetPropertiesAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", properties.ContentType);
        var html = (await page.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("<h1>Flood barrier trial keeps river town dry during spring tide</h1>", html);
        // A caption belongs under its picture: with no picture the page shows none (the record keeps it).
        Assert.DoesNotContain("Engineers watch water levels beside the temporary barrier", html);
        Assert.Contains("Published <time datetime=\"2026-03-03T00:00:00Z\">3 March 2026</time>", html);
        Assert.Contains("<li>The temporary barrier held back a tide 40 centimetres above the old flood line</li>", html);
        Assert.Contains("<span class=\"dateline\">MILLBRIDGE:</span> A temporary flood barrier kept the town centre dry", html);
        Assert.Contains($"http://127.0.0.1:7071/{flood.ShortCode}", html);

        var home = (await services.Storage.Site.GetBlobClient("index.html").DownloadContentAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", home.Details.ContentType);
        var homeHtml = home.Content.ToString();
        var library = ingested.Articles[1];
        // The library story was published after the flood story (same upload, later position): newest first.
        var first = homeHtml.IndexOf(library.Headline, StringComparison.Ordinal);
        var second = homeHtml.IndexOf(flood.Headline, StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, "home page lists both articles, newest first");
    }

    private static BinaryData TwoArticles => new(TestFiles.Read("two-articles.txt"));

    /// <summary>Each article's page shows its headline, and its record says that version is live.</summary>
    private static async Task AssertLiveAsync(PipelineServices services, IEnumerable<ArticleRecord> articles)
    {
        foreach (var article in articles)
        {
            var page = (await services.Storage.Site.GetBlobClient(article.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
            Assert.Contains($"<h1>{System.Net.WebUtility.HtmlEncode(article.Headline)}</h1>", page);
            Assert.Equal(article.Version, (await services.Get<IArticleStore>().GetAsync(article.Id, CancellationToken.None))!.RenderedVersion);
        }
    }

    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/> and runs the blob trigger on it, as the runtime would.</summary>
    private static async Task<IngestResult> IngestAsync(PipelineServices services, string name, BinaryData content)
    {
        var upload = services.Storage.Uploads.GetBlobClient(name);
        await upload.UploadAsync(content);
        return await services.Create<IngestArticle>().Run(upload, upload.Name, CancellationToken.None);
    }

    /// <summary>Fails the first write of an article page (a page under a dated path), as a storage outage would.</summary>
    private sealed class FailFirstPageWrite : StoragePipelinePolicy
    {
        private int _failed;

        public bool Fired => Volatile.Read(ref _failed) == 1;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var page = message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.Contains("-web/20", StringComparison.Ordinal);
            if (page && Interlocked.Exchange(ref _failed, 1) == 0)
            {
                throw new InjectedFaultException($"injected fault: {message.Request.Uri}");
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
