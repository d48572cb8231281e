using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// <c>POST /api/upload-grants</c> and following uploads by name: what the desk does to upload without the file passing
/// through the function app. A granted address takes the file as a browser sends it, and the pipeline publishes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadGrantApiTests(AzuriteFixture azurite)
{
    private static readonly HttpClient Http = new();

    private static Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> GrantAsync(PipelineServices services, string body) =>
        HttpResults.CallAsync(r => services.Create<GrantUploads>().Run(r, CancellationToken.None), "POST", "/api/upload-grants", body);

    [Fact]
    public async Task GrantedFiles_GoStraightToStorage_AndArePublished_RefusedOnesSayWhy()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await GrantAsync(services, """
            {"section": "World", "files": [{"name": "two-articles.txt", "size": 900}, {"name": "notes.pdf", "size": 10}, {"name": "../up.txt"}]}
            """);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(1, json!.Value.GetProperty("granted").GetInt32());
        Assert.Equal(2, json.Value.GetProperty("refused").GetInt32());
        Assert.Equal("BlockBlob", json.Value.GetProperty("headers").GetProperty("x-ms-blob-type").GetString());
        var items = json.Value.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("world/two-articles.txt", items[0].GetProperty("name").GetString());
        Assert.Equal("unsupported_kind", items[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("url").ValueKind);
        Assert.Equal("invalid_name", items[2].GetProperty("error").GetProperty("code").GetString());

        // The browser's PUT, then the blob trigger's ingest, as on either host.
        var request = new HttpRequestMessage(HttpMethod.Put, items[0].GetProperty("url").GetString()) { Content = new ByteArrayContent(TestFiles.Read("two-articles.txt")) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        using (var put = await Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var blob = services.Storage.Uploads.GetBlobClient("world/two-articles.txt");
        var ingested = await services.Create<IngestArticle>().Run(blob, blob.Name, CancellationToken.None);
        Assert.Equal(2, ingested.Articles.Count);

        // Followed by name with one not seen yet: no 404 for it, it is listed as missing.
        var (found, _, uploads) = await HttpResults.CallAsync(r => services.Create<GetUploadStatus>().Run(r, null, CancellationToken.None),
            "GET", "/api/uploads?upload=world%2Ftwo-articles.txt&upload=world%2Fnot-yet.txt");
        Assert.Equal(StatusCodes.Status200OK, found);
        var upload = Assert.Single(uploads!.Value.GetProperty("uploads").EnumerateArray());
        Assert.Equal("published", upload.GetProperty("state").GetString());
        Assert.Equal(2, upload.GetProperty("articles").GetArrayLength());
        Assert.Equal(["world/not-yet.txt"], uploads.Value.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("""{"files": []}""", "invalid_body")]
    [InlineData("""{"section": "world"}""", "invalid_body")]
    [InlineData("""{"section": "!!!", "files": [{"name": "a.txt"}]}""", "invalid_section")]
    [InlineData("""{"files": [{"name": 12}]}""", "invalid_body")]
    [InlineData("""[1, 2]""", "invalid_body")]
    public async Task MalformedRequests_Answer400WithTheReason(string body, string code)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await GrantAsync(services, body);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(code, json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MoreThanAHundredFiles_AreRefusedWhole()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var files = string.Join(',', Enumerable.Range(0, 101).Select(i => $$"""{"name": "s{{i}}.txt"}"""));

        var (status, _, json) = await GrantAsync(services, $$"""{"files": [{{files}}]}""");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("too_many", json!.Value.GetProperty("code").GetString());
    }
}
