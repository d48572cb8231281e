using Microsoft.AspNetCore.Http;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ShortLinkFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateShortLink_HttpsUrl_Returns201WithCodeShortUrlAndUrl()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var context = HttpResults.Request("POST", "/api/links", """{"url":"https://example.com/story?id=7"}""");

        var result = await services.Create<CreateShortLink>().Run(context.Request, CancellationToken.None);
        var (status, headers, json) = await HttpResults.ExecuteAsync(result, context);

        Assert.Equal(StatusCodes.Status201Created, status);
        var code = json!.Value.GetProperty("code").GetString()!;
        Assert.Matches("^[23456789abcdefghjkmnpqrstuvwxyz]{6}$", code);
        Assert.Equal($"http://127.0.0.1:7071/{code}", json.Value.GetProperty("shortUrl").GetString());
        Assert.Equal("https://example.com/story?id=7", json.Value.GetProperty("url").GetString());
        Assert.Equal($"http://127.0.0.1:7071/{code}", headers.Location.ToString());
    }

    [Theory]
    [InlineData("""{"url":"javascript:alert(1)"}""", "invalid_url")]
    [InlineData("""{"url":"ftp://example.com/file"}""", "invalid_url")]
    [InlineData("""{"url":"/relative/path"}""", "invalid_url")]
    [InlineData("""{}""", "invalid_url")]
    [InlineData("""not json""", "invalid_body")]
    public async Task CreateShortLink_BadInput_Returns400WithJsonError(string body, string expectedCode)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var context = HttpResults.Request("POST", "/api/links", body);

        var result = await services.Create<CreateShortLink>().Run(context.Request, CancellationToken.None);
        var (status, _, json) = await HttpResults.ExecuteAsync(result, context);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(expectedCode, json!.Value.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.Value.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task FollowShortLink_KnownCode_RedirectsToTarget()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var create = HttpResults.Request("POST", "/api/links", """{"url":"https://example.com/target"}""");
        var (_, _, created) = await HttpResults.ExecuteAsync(await services.Create<CreateShortLink>().Run(create.Request, CancellationToken.None), create);
        var code = created!.Value.GetProperty("code").GetString()!;

        var follow = HttpResults.Request("GET", "/" + code);
        var (status, headers, _) = await HttpResults.ExecuteAsync(await services.Create<FollowShortLink>().Run(follow.Request, code, CancellationToken.None), follow);

        Assert.Equal(StatusCodes.Status302Found, status);
        Assert.Equal("https://example.com/target", headers.Location.ToString());
    }

    [Fact]
    public async Task FollowShortLink_UnknownCode_Returns404()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var follow = HttpResults.Request("GET", "/zzzzzz");

        var (status, _, _) = await HttpResults.ExecuteAsync(await services.Create<FollowShortLink>().Run(follow.Request, "zzzzzz", CancellationToken.None), follow);

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }
}
