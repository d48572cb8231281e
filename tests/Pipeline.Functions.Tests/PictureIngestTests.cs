using System.Text;
using AngleSharp.Html.Parser;
using Pipeline.Core.Pictures;
using Pipeline.Core.Publishing;
using Pipeline.Core.Tests.Pictures;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Pictures uploaded beside an article file reach its page, in whichever order the two arrive.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PictureIngestTests(AzuriteFixture azurite)
{
    private const string Story = """{"title": "Flood waters reach the old city", "caption": "Rescuers wade through the market (AFP)", "body": ["MULTAN: Water rose overnight."]}""";

    [Fact]
    public async Task A_picture_after_its_article_puts_a_responsive_picture_and_a_card_on_the_page()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await IngestAsync(services, "floods/story.json", Encoding.UTF8.GetBytes(Story));
        var photo = TestPictures.Jpeg(2400, 1600, orientation: 1, description: "GPS goes here");

        var result = await IngestAsync(services, "floods/story.jpg", photo);

        var article = Assert.Single(result.Articles);
        Assert.Equal(2, article.Version);
        var key = PictureRenderer.KeyOf(photo);
        var page = await PageAsync(services, article.Path);
        var img = page.QuerySelector("figure.lead-image picture img")!;
        Assert.Equal($"/images/{key}/1600.jpg", img.GetAttribute("src"));
        Assert.Equal($"/images/{key}/480.jpg 480w, /images/{key}/960.jpg 960w, /images/{key}/1600.jpg 1600w", img.GetAttribute("srcset"));
        Assert.Equal(("1600", "1067"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Rescuers wade through the market", img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("image/webp", page.QuerySelector("figure.lead-image source")!.GetAttribute("type"));
        Assert.Equal("Rescuers wade through the market (AFP)", page.QuerySelector("figure.lead-image figcaption")!.TextContent);
        Assert.Equal($"http://127.0.0.1:8080/images/{key}/card.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Contains($"/images/{key}/1600.jpg", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);

        // The front leads with it, and the section front too, once the listings are refreshed.
        await services.DrainRenderQueueAsync();
        var home = await PageAsync(services, string.Empty);
        Assert.Equal($"/images/{key}/1600.jpg", home.QuerySelector(".lead-story picture img")!.GetAttribute("src"));
        Assert.Equal("Flood waters reach the old city", home.QuerySelector(".lead-story h2 a")!.TextContent);
        Assert.Empty(home.QuerySelectorAll(".article-list li"));
        var section = await PageAsync(services, "section/floods/");
        Assert.NotNull(section.QuerySelector(".lead-story picture img"));

        var webp = await services.Storage.Site.GetBlobClient($"images/{key}/960.webp").GetPropertiesAsync();
        Assert.Equal("image/webp", webp.Value.ContentType);
        Assert.Equal(SiteFile.AssetCache, webp.Value.CacheControl);
        var status = await services.Get<IUploadStatusStore>().GetAsync("floods/story.jpg", CancellationToken.None);
        Assert.Equal(UploadState.Published, status!.State);
        Assert.Equal([article.Id], status.ArticleIds);
    }

    [Fact]
    public async Task A_picture_before_its_article_waits_and_the_article_takes_it_up_with_its_gallery()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var lead = TestPictures.Jpeg(1200, 800);
        var second = TestPictures.Jpeg(800, 1200);

        var waiting = await IngestAsync(services, "floods/early.jpg", lead);
        await IngestAsync(services, "floods/early-2.jpg", second);

        Assert.Equal(UploadState.Waiting, waiting.State);
        var status = await services.Get<IUploadStatusStore>().GetAsync("floods/early.jpg", CancellationToken.None);
        Assert.Equal("waiting for its article: floods/early with .txt, .md, .json or .docx", status!.Reason);

        var result = await IngestAsync(services, "floods/early.json", Encoding.UTF8.GetBytes(Story));

        var page = await PageAsync(services, Assert.Single(result.Articles).Path);
        Assert.NotNull(page.QuerySelector($"figure.lead-image img[src='/images/{PictureRenderer.KeyOf(lead)}/1200.jpg']"));

        // Its month archive is headlines only: no thumbnails there.
        await services.DrainRenderQueueAsync();
        var month = await PageAsync(services, $"archive/{Assert.Single(result.Articles).PublishedAt:yyyy}/{Assert.Single(result.Articles).PublishedAt:MM}/");
        Assert.Null(month.QuerySelector("picture"));
        var more = page.QuerySelector("section.gallery figure img")!;
        Assert.Equal($"/images/{PictureRenderer.KeyOf(second)}/800.jpg", more.GetAttribute("src"));
        Assert.Equal(("800", "1200"), (more.GetAttribute("width"), more.GetAttribute("height")));
        Assert.Equal("lazy", more.GetAttribute("loading"));
        Assert.Equal("Flood waters reach the old city", more.GetAttribute("alt"));
        Assert.Equal("2 of 2", page.QuerySelector("section.gallery figcaption .position")!.TextContent);
        Assert.Contains(
            "picture floods/early-2.jpg has no caption, so its alt text is the headline; add a caption that says what it shows",
            (await services.Get<IUploadStatusStore>().GetAsync("floods/early.json", CancellationToken.None))!.Warnings);
        Assert.Equal(UploadState.Published, (await services.Get<IUploadStatusStore>().GetAsync("floods/early-2.jpg", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_broken_picture_is_reported_on_both_uploads_and_the_article_publishes_without_it()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var whole = TestPictures.Jpeg(1600, 1200);
        await IngestAsync(services, "floods/broken.jpg", whole[..(whole.Length / 3)]);

        var result = await IngestAsync(services, "floods/broken.json", Encoding.UTF8.GetBytes(Story));

        var article = Assert.Single(result.Articles);
        Assert.Equal(UploadState.Published, result.State);
        var page = await PageAsync(services, article.Path);
        Assert.Null(page.QuerySelector("picture"));
        var statuses = services.Get<IUploadStatusStore>();
        var picture = await statuses.GetAsync("floods/broken.jpg", CancellationToken.None);
        Assert.Equal(UploadState.Failed, picture!.State);
        Assert.Equal("the picture could not be read: the file is cut short; export it again and upload it once more; floods/broken.json is published without it", picture.Reason);
        Assert.Contains(
            "picture floods/broken.jpg is not shown: the picture could not be read: the file is cut short; export it again and upload it once more",
            (await statuses.GetAsync("floods/broken.json", CancellationToken.None))!.Warnings);
    }

    [Fact]
    public async Task A_replaced_picture_gets_new_files_and_the_same_one_again_changes_nothing()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await IngestAsync(services, "floods/swap.json", Encoding.UTF8.GetBytes(Story));
        var first = TestPictures.Jpeg(1000, 700);
        var replacement = TestPictures.Jpeg(1000, 750);
        await IngestAsync(services, "floods/swap.jpg", first);

        var again = await IngestAsync(services, "floods/swap.jpg", first);
        var replaced = await IngestAsync(services, "floods/swap.jpg", replacement);

        Assert.Equal(2, Assert.Single(again.Articles).Version);
        var article = Assert.Single(replaced.Articles);
        Assert.Equal(3, article.Version);
        var page = await PageAsync(services, article.Path);
        Assert.NotNull(page.QuerySelector($"img[src='/images/{PictureRenderer.KeyOf(replacement)}/960.jpg']"));
        Assert.True(await services.Storage.Site.GetBlobClient($"images/{PictureRenderer.KeyOf(first)}/960.jpg").ExistsAsync());
    }

    [Fact]
    public async Task An_article_and_its_picture_uploaded_at_once_end_with_the_picture_on_the_page()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        for (var round = 0; round < 4; round++)
        {
            var photo = TestPictures.Jpeg(900, 600 + round);
            var article = IngestAsync(services, $"race/story{round}.json", Encoding.UTF8.GetBytes(Story));
            var picture = Task.Run(() => IngestAsync(services, $"race/story{round}.jpg", photo));
            await Task.WhenAll(article, picture);

            var record = await services.Get<Pipeline.Core.Articles.IArticleStore>().GetAsync((await article).Articles[0].Id, CancellationToken.None);
            var page = await PageAsync(services, record!.Path);
            Assert.NotNull(page.QuerySelector($"figure.lead-image img[src='/images/{PictureRenderer.KeyOf(photo)}/900.jpg']"));
        }
    }

    [Fact]
    public async Task Pictures_named_in_front_matter_are_shown_in_that_order_and_one_uploaded_later_republishes_the_article()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var lead = TestPictures.Jpeg(1000, 700);
        var shared = TestPictures.Jpeg(700, 1000);
        var late = TestPictures.Jpeg(960, 640);
        await IngestAsync(services, "floods/photos/bank.jpg", lead);
        await IngestAsync(services, "archive/map.png", shared);
        const string Markdown = """
            ---
            title: The river falls by two metres
            image: photos/bank.jpg
            alt: A ferry tied up at the east bank at dawn
            images: [/archive/map.png, photos/later.jpg]
            ---
            SUKKUR: The water fell overnight.
            """;

        var first = await IngestAsync(services, "floods/falls.md", Encoding.UTF8.GetBytes(Markdown));

        var statuses = services.Get<IUploadStatusStore>();
        var page = await PageAsync(services, Assert.Single(first.Articles).Path);
        var shown = page.QuerySelectorAll("figure picture img").Select(i => i.GetAttribute("src")).ToList();
        Assert.Equal([$"/images/{PictureRenderer.KeyOf(lead)}/960.jpg", $"/images/{PictureRenderer.KeyOf(shared)}/700.jpg"], shown);
        Assert.Equal("A ferry tied up at the east bank at dawn", page.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
        var waiting = await statuses.GetAsync("floods/photos/later.jpg", CancellationToken.None);
        Assert.Equal(UploadState.Waiting, waiting!.State);
        Assert.Equal("named by floods/falls.md; upload it and the article is published again with it", waiting.Reason);

        var second = await IngestAsync(services, "floods/photos/later.jpg", late);

        Assert.Equal(2, Assert.Single(second.Articles).Version);
        page = await PageAsync(services, second.Articles[0].Path);
        Assert.Equal(3, page.QuerySelectorAll("figure picture img").Length);
        Assert.Equal(UploadState.Published, (await statuses.GetAsync("floods/photos/later.jpg", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_markdown_image_naming_an_upload_beside_it_is_the_lead_picture()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var crowd = TestPictures.Jpeg(1280, 720);
        await IngestAsync(services, "city/crowd.png", crowd);

        var result = await IngestAsync(services, "city/rally.md", Encoding.UTF8.GetBytes("# Thousands rally for cleaner air\n\n![Marchers fill the square](crowd.png)\n\nLAHORE: The march began at noon.\n"));

        var page = await PageAsync(services, Assert.Single(result.Articles).Path);
        Assert.Equal($"/images/{PictureRenderer.KeyOf(crowd)}/1280.jpg", page.QuerySelector("figure.lead-image img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task Pictures_inside_a_word_document_are_shown_with_its_caption_in_document_order()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = TestPictures.Jpeg(1600, 900);
        var second = TestPictures.Jpeg(600, 800);
        var docx = Pipeline.Core.Tests.WordDocuments.WithPictures(
            [first, second],
            ("Title", "Harvest begins early in the south"),
            (null, "[picture]"),
            ("Caption", "Wheat cut at dawn near Multan (APP)"),
            (null, "MULTAN: Farmers started a week early."),
            (null, "[picture]"),
            (null, "Prices held steady."));

        var result = await IngestAsync(services, "farming/harvest.docx", docx);

        var article = Assert.Single(result.Articles);
        var page = await PageAsync(services, article.Path);
        Assert.Equal(
            [$"/images/{PictureRenderer.KeyOf(first)}/1600.jpg", $"/images/{PictureRenderer.KeyOf(second)}/600.jpg"],
            page.QuerySelectorAll("figure picture img").Select(i => i.GetAttribute("src")));
        Assert.Equal("Wheat cut at dawn near Multan (APP)", page.QuerySelector("figure.lead-image figcaption")!.TextContent.Replace("1 of 2 ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("Harvest begins early in the south", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("[picture]", page.QuerySelector(".body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_front_leads_with_the_editors_pick_then_three_stories_with_their_pictures_then_the_list()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await IngestAsync(services, "desk/pick.json", Encoding.UTF8.GetBytes("""{"title": "The editor's pick", "featured": true, "published": "2026-11-01T08:00:00Z", "body": ["Picked."]}"""));
        for (var i = 1; i <= 5; i++)
        {
            await IngestAsync(services, $"desk/story{i}.jpg", TestPictures.Jpeg(900, 600 + i));
            await IngestAsync(services, $"desk/story{i}.json", Encoding.UTF8.GetBytes($$"""{"title": "Story number {{i}}", "published": "2026-11-0{{i + 1}}T08:00:00Z", "body": ["Body {{i}}."]}"""));
        }

        await services.DrainRenderQueueAsync();
        var home = await PageAsync(services, string.Empty);

        Assert.Equal("The editor's pick", home.QuerySelector(".lead-story h2")!.TextContent);
        Assert.Null(home.QuerySelector(".lead-story picture"));
        Assert.Equal(["Story number 5", "Story number 4", "Story number 3"], home.QuerySelectorAll(".secondary-stories h2").Select(h => h.TextContent));
        Assert.Equal(3, home.QuerySelectorAll(".secondary-stories picture img").Length);
        Assert.Equal(["Story number 2", "Story number 1"], home.QuerySelectorAll(".article-list h2").Select(h => h.TextContent));
        Assert.Equal(2, home.QuerySelectorAll(".article-list li.with-thumbnail img[loading='lazy']").Length);
    }

    [Fact]
    public async Task A_picture_given_by_its_web_address_is_fetched_once_and_shown_from_our_renditions()
    {
        var photo = TestPictures.Jpeg(1200, 800);
        using var server = new PictureServer(photo);
        await using var services = await PipelineServices.CreateAsync(azurite, settings: new() { ["Pipeline:FetchPicturesFromPrivateNetworks"] = "true" });
        string Story(string body) => $$"""{"title": "Fetched picture", "image": "{{server.Address}}photo.jpg", "caption": "The bank at dawn", "body": ["{{body}}"]}""";

        var first = await IngestAsync(services, "web/fetched.json", Encoding.UTF8.GetBytes(Story("One.")));
        var second = await IngestAsync(services, "web/fetched.json", Encoding.UTF8.GetBytes(Story("Two.")));

        Assert.Equal(2, Assert.Single(second.Articles).Version);
        var page = await PageAsync(services, first.Articles[0].Path);
        Assert.Equal($"/images/{PictureRenderer.KeyOf(photo)}/1200.jpg", page.QuerySelector("figure.lead-image picture img")!.GetAttribute("src"));
        Assert.Equal(1, server.Requests);
        var status = await services.Get<IUploadStatusStore>().GetAsync($"{server.Address}photo.jpg", CancellationToken.None);
        Assert.Equal(UploadState.Published, status!.State);
    }

    [Fact]
    public async Task A_web_address_on_the_instances_own_network_is_never_fetched()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var result = await IngestAsync(services, "web/inward.json", Encoding.UTF8.GetBytes("""{"title": "Inward", "image": "https://169.254.169.254/metadata/photo.jpg", "body": ["Text."]}"""));

        var warnings = (await services.Get<IUploadStatusStore>().GetAsync("web/inward.json", CancellationToken.None))!.Warnings;
        Assert.Contains(warnings, w => w.StartsWith("picture https://169.254.169.254/metadata/photo.jpg was not fetched", StringComparison.Ordinal) && w.Contains("not a public address", StringComparison.Ordinal));
        Assert.Null((await PageAsync(services, Assert.Single(result.Articles).Path)).QuerySelector("picture"));
    }

    /// <summary>A web server on 127.0.0.1 that serves one picture and counts the requests for it.</summary>
    private sealed class PictureServer : IDisposable
    {
        private readonly System.Net.HttpListener _listener = new();
        private int _requests;

        public PictureServer(byte[] picture)
        {
            var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    var context = await _listener.GetContextAsync();
                    Interlocked.Increment(ref _requests);
                    context.Response.ContentType = "image/jpeg";
                    await context.Response.OutputStream.WriteAsync(picture);
                    context.Response.Close();
                }
            });
        }

        public string Address { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();
    }

    private static async Task<IngestResult> IngestAsync(PipelineServices services, string name, byte[] content)
    {
        var upload = services.Storage.Uploads.GetBlobClient(name);
        await upload.UploadAsync(new BinaryData(content), overwrite: true);
        return await services.Create<IngestArticle>().Run(upload, upload.Name, CancellationToken.None);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(PipelineServices services, string path)
    {
        var html = (await services.Storage.Site.GetBlobClient(SitePaths.Article(path)).DownloadContentAsync()).Value.Content.ToString();
        return new HtmlParser().ParseDocument(html);
    }
}
