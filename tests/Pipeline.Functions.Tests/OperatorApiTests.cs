using Microsoft.AspNetCore.Http;
using Pipeline.Core.Articles;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The calls the command line makes for operators: recent uploads, and republishing pages whose content did not change.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperatorApiTests(AzuriteFixture azurite)
{
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    [Fact]
    public async Task GetUploadStatus_NoName_ThreeUploads_NewestFirstUpToTop()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await services.IngestAsync("desk/first.txt", TwoArticles);
        await services.IngestAsync("broken.txt", "   \n\n  ");
        await services.IngestAsync("desk/third.txt", GeneratedArticles.File(3, 1));

        var (status, _, json) = await HttpResults.CallAsync(r => services.Create<GetUploadStatus>().Run(r, null, CancellationToken.None), "GET", "/api/uploads?top=2");

        Assert.Equal(StatusCodes.Status200OK, status);
        var uploads = json!.Value.GetProperty("uploads").EnumerateArray().ToList();
        Assert.Equal(["desk/third.txt", "broken.txt"], uploads.Select(u => u.GetProperty("name").GetString()));
        Assert.Equal("published", uploads[0].GetProperty("state").GetString());
        Assert.Single(uploads[0].GetProperty("articleIds").EnumerateArray());
        Assert.Equal("failed", uploads[1].GetProperty("state").GetString());
        Assert.Contains("empty", uploads[1].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("many")]
    public async Task GetUploadStatus_NoName_TopOutOfRange_Returns400(string top)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await HttpResults.CallAsync(r => services.Create<GetUploadStatus>().Run(r, null, CancellationToken.None), "GET", $"/api/uploads?top={top}");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("invalid_top", json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RepublishArticles_OneRenderedArticle_WritesItsPageAgain()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var article = (await services.IngestAsync("desk/two.txt", TwoArticles)).Articles[0];
        await services.DrainRenderQueueAsync();
        var page = services.Storage.Site.GetBlobClient(article.Path + "index.html");
        await page.DeleteAsync();

        var (status, _, json) = await HttpResults.CallAsync(
            r => services.Create<RepublishArticles>().Run(r, CancellationToken.None), "POST", "/api/articles/republish", $$"""{"id":"{{article.Id}}"}""");
        var queuedRenderedVersion = json!.Value.GetProperty("articles")[0].GetProperty("renderedVersion").GetInt32();
        var rendered = await services.DrainRenderQueueAsync();

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.Equal(1, json.Value.GetProperty("requested").GetInt32());
        Assert.Equal(0, queuedRenderedVersion);
        Assert.Equal(1, rendered);
        Assert.True(await page.ExistsAsync(), "the page was written again");
        var record = await services.Get<IArticleStore>().GetAsync(article.Id, CancellationToken.None);
        Assert.Equal(record!.Version, record.RenderedVersion);
    }

    [Fact]
    public async Task RepublishArticles_Section_QueuesOnlyThatSection()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await services.IngestAsync("desk/two.txt", TwoArticles);
        await services.IngestAsync("sport/one.txt", GeneratedArticles.File(1, 1));
        await services.DrainRenderQueueAsync();

        var (status, _, json) = await HttpResults.CallAsync(
            r => services.Create<RepublishArticles>().Run(r, CancellationToken.None), "POST", "/api/articles/republish", """{"section":"desk"}""");
        var rendered = await services.DrainRenderQueueAsync();

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.Equal(2, json!.Value.GetProperty("requested").GetInt32());
        Assert.All(json.Value.GetProperty("articles").EnumerateArray(), a => Assert.Equal("desk", a.GetProperty("section").GetString()));
        Assert.Equal(2, rendered);
    }

    [Theory]
    [InlineData("""{}""", StatusCodes.Status400BadRequest, "invalid_body")]
    [InlineData("""{"all":true,"section":"desk"}""", StatusCodes.Status400BadRequest, "invalid_body")]
    [InlineData("""{"id":"nosuchid"}""", StatusCodes.Status404NotFound, "not_found")]
    public async Task RepublishArticles_BadRequest_SaysWhy(string body, int expectedStatus, string expectedCode)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await HttpResults.CallAsync(
            r => services.Create<RepublishArticles>().Run(r, CancellationToken.None), "POST", "/api/articles/republish", body);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, json!.Value.GetProperty("code").GetString());
    }
}
