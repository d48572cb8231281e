using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// What editors and readers notice first: a doubtful import is held for review and never published as a guess, an
/// editor's approval and corrections stick, a story keeps one URL however often it is uploaded, and dates tell the truth.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewAndIdentityTests(AzuriteFixture azurite)
{
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    // A byline copied on its own above the story: nothing marks it as a headline, so it must not become one.
    internal const string NameAsHeadline = """
        Shahjahan Khurram

        KARACHI: Dock workers at the city’s main container terminal ended a three-day strike on Thursday after the port authority agreed to review overtime rates.

        Ships that had waited offshore began berthing within hours, a port official said.
        """;

    [Fact]
    public async Task Ingest_HeadlineThatIsAName_IsHeldForReviewOffEveryPage()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var result = await services.IngestAsync("desk/held.txt", NameAsHeadline);

        var held = Assert.Single(result.Articles);
        Assert.Equal(ArticleState.Review, held.State);
        Assert.False(held.HasPage);
        Assert.Contains(held.ReviewReasons, r => r.Contains("\"Shahjahan Khurram\", reads like a name alone", StringComparison.Ordinal));
        Assert.DoesNotContain("Shahjahan", held.Headline, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(services.Storage.ShortLinks));
        Assert.False(await services.Storage.Site.GetBlobClient("index.html").ExistsAsync()
            && (await services.Storage.Site.GetBlobClient("index.html").DownloadContentAsync()).Value.Content.ToString().Contains("Shahjahan", StringComparison.Ordinal));

        var (status, json) = await CallAsync(services.Create<ListReview>().Run(HttpResults.Request("GET", "/api/review").Request, CancellationToken.None), "/api/review");
        Assert.Equal(StatusCodes.Status200OK, status);
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(held.Id, item.GetProperty("id").GetString());
        Assert.Equal("review", item.GetProperty("state").GetString());
        Assert.NotEmpty(item.GetProperty("reviewReasons").EnumerateArray());

        var upload = await services.Get<ArticleQueries>().GetUploadAsync("desk/held.txt", CancellationToken.None);
        Assert.Contains(upload!.Value.Status.Warnings, w => w.Contains("held for review", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_WithCorrectedHeadline_PublishesItAndTheCorrectionOutlivesAReupload()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var held = (await services.IngestAsync("desk/held.txt", NameAsHeadline)).Articles[0];

        var context = HttpResults.Request("POST", $"/api/articles/{held.Id}/approve", """{"headline":"Karachi dock strike ends as port agrees to review overtime","byline":"Shahjahan Khurram"}""");
        var (status, json) = await CallAsync(services.Create<ApproveArticle>().Run(context.Request, held.Id, CancellationToken.None), context);
        await services.DrainRenderQueueAsync();

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("published", json.GetProperty("state").GetString());
        var approved = (await services.Get<IArticleStore>().GetAsync(held.Id, CancellationToken.None))!;
        Assert.Equal("Karachi dock strike ends as port agrees to review overtime", approved.Headline);
        var page = (await services.Storage.Site.GetBlobClient(approved.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Karachi dock strike ends as port agrees to review overtime", page);
        Assert.Contains("By Shahjahan Khurram", page);
        Assert.Equal(1, await CountAsync(services.Storage.ShortLinks));

        var again = (await services.IngestAsync("desk/held.txt", NameAsHeadline)).Articles[0];

        Assert.Equal(held.Id, again.Id);
        Assert.Equal(ArticleState.Published, again.State);
        Assert.Equal("Karachi dock strike ends as port agrees to review overtime", again.Headline);
        Assert.Equal(approved.Version, again.Version);
        var (_, queue) = await CallAsync(services.Create<ListReview>().Run(HttpResults.Request("GET", "/api/review").Request, CancellationToken.None), "/api/review");
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Reject_HeldArticle_StaysOffTheSiteWhenUploadedAgain()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var held = (await services.IngestAsync("desk/held.txt", NameAsHeadline)).Articles[0];

        var context = HttpResults.Request("POST", $"/api/articles/{held.Id}/reject");
        var (status, json) = await CallAsync(services.Create<RejectArticle>().Run(context.Request, held.Id, CancellationToken.None), context);
        var again = (await services.IngestAsync("desk/held.txt", NameAsHeadline + "\nA line added later.\n")).Articles[0];

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("rejected", json.GetProperty("state").GetString());
        Assert.Equal(ArticleState.Rejected, again.State);
        Assert.False(again.HasPage);
        Assert.Equal(0, await CountAsync(services.Storage.ShortLinks));
    }

    [Fact]
    public async Task Approve_ArticleThatIsNotHeld_AnswersConflict()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var published = (await services.IngestAsync("two.txt", TwoArticles)).Articles[0];

        var context = HttpResults.Request("POST", $"/api/articles/{published.Id}/approve");
        var (status, json) = await CallAsync(services.Create<ApproveArticle>().Run(context.Request, published.Id, CancellationToken.None), context);
        var missing = HttpResults.Request("POST", "/api/articles/nosuchid0000/approve", """{"headline":""}""");
        var (badStatus, _) = await CallAsync(services.Create<ApproveArticle>().Run(missing.Request, "nosuchid0000", CancellationToken.None), missing);

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("not_in_review", json.GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status400BadRequest, badStatus);
    }

    [Fact]
    public async Task Ingest_SameStoryInAnotherFile_IsTheSameArticleAtTheSameUrl()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = await services.IngestAsync("desk/monday.txt", TwoArticles);

        var second = await services.IngestAsync("desk/again.txt", TwoArticles.Replace("\n", "\r\n"));

        Assert.Equal(first.Articles.Select(a => (a.Id, a.Path, a.ShortCode)), second.Articles.Select(a => (a.Id, a.Path, a.ShortCode)));
        Assert.Equal(first.Articles.Select(a => a.Version), second.Articles.Select(a => a.Version));
        Assert.Equal(2, await CountAsync(services.Storage.ShortLinks));
        var status = await services.Get<ArticleQueries>().GetUploadAsync("desk/again.txt", CancellationToken.None);
        Assert.Contains(status!.Value.Status.Warnings, w => w.Contains($"same article as {first.Articles[0].Id} from desk/monday.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_SameStoryInAnotherSectionFolder_ChangesNothing()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = await services.IngestAsync("desk/monday.txt", TwoArticles);

        var second = await services.IngestAsync("pakistan/again.txt", TwoArticles);

        Assert.Equal(first.Articles.Select(a => (a.Id, a.Path, a.Section, a.Version)), second.Articles.Select(a => (a.Id, a.Path, a.Section, a.Version)));
    }

    [Fact]
    public async Task Ingest_SameShortLinkWithAnEditedBody_IsANewVersionOfTheSameArticle()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = (await services.IngestAsync("desk/monday.txt", TwoArticles)).Articles[0];

        var edited = TwoArticles.Replace("kept the town centre dry on Tuesday", "kept the town centre dry on Tuesday night");
        var second = (await services.IngestAsync("desk/tuesday.txt", edited)).Articles[0];

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(2, second.Version);
    }

    [Fact]
    public async Task Ingest_PageWithItsOwnDate_IsPublishedOnThatDateWithNoEarlierUpdate()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var result = await services.IngestAsync("two.txt", TwoArticles);
        await services.DrainRenderQueueAsync();

        var dated = result.Articles[0];
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), dated.PublishedAt);
        Assert.StartsWith("2026/03/03/", dated.Path, StringComparison.Ordinal);
        Assert.Equal(dated.PublishedAt, dated.UpdatedAt);
        var page = (await services.Storage.Site.GetBlobClient(dated.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("datetime=\"2026-03-03T00:00:00Z\"", page);
        Assert.DoesNotContain("class=\"updated\"", page);
        Assert.DoesNotContain("class=\"caption\"", page);
        var news = (await services.Storage.Site.GetBlobClient(SitePaths.NewsSitemap).DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain(dated.Path, news);

        // "Updated 12 min ago": dated by the upload, a quarter of an hour ago, and so still news.
        var recent = result.Articles[1];
        Assert.InRange(DateTimeOffset.UtcNow - recent.PublishedAt, TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(14));
        Assert.Contains(recent.Path, news);
    }

    private static async Task<(int Status, JsonElement Json)> CallAsync(Task<Microsoft.AspNetCore.Mvc.IActionResult> action, DefaultHttpContext context)
    {
        var (status, _, json) = await HttpResults.ExecuteAsync(await action, context);
        return (status, json!.Value);
    }

    private static Task<(int Status, JsonElement Json)> CallAsync(Task<Microsoft.AspNetCore.Mvc.IActionResult> action, string path) =>
        CallAsync(action, HttpResults.Request("GET", path));

    private static async Task<int> CountAsync(TableClient table) => (await table.QueryAsync<TableEntity>(e => e.RowKey == "link").ToListAsync()).Count;
}
