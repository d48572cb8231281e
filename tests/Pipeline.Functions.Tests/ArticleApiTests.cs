using Microsoft.AspNetCore.Http;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The management API editors and tools read: upload status, listings, one article, unpublish.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleApiTests(AzuriteFixture azurite)
{
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    [Fact]
    public async Task GetUploadStatus_PublishedUpload_ListsItsArticlesWithPageAndShortUrls()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var ingested = await services.IngestAsync("desk/two.txt", TwoArticles);
        var context = HttpResults.Request("GET", "/api/uploads/desk/two.txt");

        var (status, _, json) = await HttpResults.ExecuteAsync(await services.Create<GetUploadStatus>().Run(context.Request, "desk/two.txt", CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("published", json!.Value.GetProperty("state").GetString());
        var articles = json.Value.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(2, articles.Count);
        Assert.Equal($"http://127.0.0.1:8080/{ingested.Articles[0].Path}", articles[0].GetProperty("url").GetString());
        Assert.Equal($"http://127.0.0.1:7071/{ingested.Articles[0].ShortCode}", articles[0].GetProperty("shortUrl").GetString());
        Assert.Equal("https://source.example/7xk2p", articles[0].GetProperty("originalShortUrl").GetString());
    }

    [Fact]
    public async Task GetUploadStatus_UnreadableUpload_SaysFailedWithTheReason()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await services.IngestAsync("empty.txt", "   \n\n  ");
        var context = HttpResults.Request("GET", "/api/uploads/empty.txt");

        var (status, _, json) = await HttpResults.ExecuteAsync(await services.Create<GetUploadStatus>().Run(context.Request, "empty.txt", CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("failed", json!.Value.GetProperty("state").GetString());
        Assert.Contains("empty", json.Value.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task GetUploadStatus_UnknownUpload_Returns404()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var context = HttpResults.Request("GET", "/api/uploads/nothing.txt");

        var (status, _, json) = await HttpResults.ExecuteAsync(await services.Create<GetUploadStatus>().Run(context.Request, "nothing.txt", CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("not_found", json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ListArticles_SectionWithTopOne_PagesThroughNewestFirst()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var ingested = await services.IngestAsync("desk/two.txt", TwoArticles);
        await services.IngestAsync("other/elsewhere.txt", TwoArticles.Replace("MILLBRIDGE", "EASTON").Replace("Flood", "Storm").Replace("Library", "Museum"));
        var list = services.Create<ListArticles>();

        var first = HttpResults.Request("GET", "/api/articles");
        first.Request.QueryString = new QueryString("?section=desk&top=1");
        var (_, _, page1) = await HttpResults.ExecuteAsync(await list.Run(first.Request, CancellationToken.None), first);
        var continuation = page1!.Value.GetProperty("continuation").GetString()!;
        var second = HttpResults.Request("GET", "/api/articles");
        second.Request.QueryString = new QueryString("?section=desk&top=1&continuation=" + Uri.EscapeDataString(continuation));
        var (_, _, page2) = await HttpResults.ExecuteAsync(await list.Run(second.Request, CancellationToken.None), second);

        var ids = page1.Value.GetProperty("items").EnumerateArray().Concat(page2!.Value.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(ingested.Articles.Select(a => a.Id).Reverse(), ids);
    }

    [Fact]
    public async Task ListArticles_TopOutOfRange_Returns400()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var context = HttpResults.Request("GET", "/api/articles");
        context.Request.QueryString = new QueryString("?top=5000");

        var (status, _, json) = await HttpResults.ExecuteAsync(await services.Create<ListArticles>().Run(context.Request, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("invalid_top", json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetArticle_KnownId_ReturnsContentAndVersions()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var article = (await services.IngestAsync("two.txt", TwoArticles)).Articles[1];
        var context = HttpResults.Request("GET", $"/api/articles/{article.Id}");

        var (status, _, json) = await HttpResults.ExecuteAsync(await services.Create<GetArticle>().Run(context.Request, article.Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("Library reopens after two-year renovation with longer hours", json!.Value.GetProperty("article").GetProperty("headline").GetString());
        Assert.Equal("12 min ago", json.Value.GetProperty("content").GetProperty("updatedText").GetString());
        Assert.Single(json.Value.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task UnpublishArticle_KnownId_ReturnsRemovedAndUnknownReturns404()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var article = (await services.IngestAsync("two.txt", TwoArticles)).Articles[0];
        var unpublish = services.Create<UnpublishArticle>();

        var context = HttpResults.Request("DELETE", $"/api/articles/{article.Id}");
        var (status, _, json) = await HttpResults.ExecuteAsync(await unpublish.Run(context.Request, article.Id, CancellationToken.None), context);
        var missing = HttpResults.Request("DELETE", "/api/articles/nosuchid");
        var (missingStatus, _, _) = await HttpResults.ExecuteAsync(await unpublish.Run(missing.Request, "nosuchid", CancellationToken.None), missing);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("removed", json!.Value.GetProperty("state").GetString());
        Assert.Equal(StatusCodes.Status404NotFound, missingStatus);
    }
}
