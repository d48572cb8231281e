using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>A held article's page as it would be published, seen before approving it: for 15 minutes, with no script and nothing from elsewhere.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PreviewApiTests(AzuriteFixture azurite)
{
    private static Task<(int Status, IHeaderDictionary Headers, System.Text.Json.JsonElement? Json)> ServeAsync(PipelineServices services, string token) =>
        HttpResults.CallAsync(r => services.Create<ServePreview>().Run(r, token, CancellationToken.None), "GET", $"/desk/preview/{token}");

    [Fact]
    public async Task AHeldArticle_PreviewsAsItsPage_UnderAPolicyThatRunsNoScript_AndExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock));
        var held = (await services.IngestAsync("desk/held.txt", ReviewAndIdentityTests.NameAsHeadline)).Articles[0];

        var (status, _, json) = await HttpResults.CallAsync(r => services.Create<PreviewArticle>().Run(r, held.Id, CancellationToken.None), "POST", $"/api/articles/{held.Id}/preview");

        Assert.Equal(StatusCodes.Status200OK, status);
        var url = json!.Value.GetProperty("url").GetString()!;
        Assert.StartsWith("/desk/preview/", url, StringComparison.Ordinal);
        var token = url["/desk/preview/".Length..];
        Assert.Equal(32, token.Length);

        var context = HttpResults.Request("GET", url);
        var result = await services.Create<ServePreview>().Run(context.Request, token, CancellationToken.None);
        var page = Assert.IsType<Microsoft.AspNetCore.Mvc.ContentResult>(result).Content!;
        var policy = context.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("Dock workers at the city’s main container terminal", page);
        Assert.Contains("<base href=\"http://127.0.0.1:8080/\">", page);
        Assert.Contains($"content=\"{System.Net.WebUtility.HtmlEncode(policy).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}\"", page.Replace("&#39;", "&#x27;", StringComparison.Ordinal));
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("noindex", context.Response.Headers["X-Robots-Tag"].ToString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        // Nothing of the held article is on the public site meanwhile.
        Assert.False(await services.Storage.Site.GetBlobClient(held.Path + "index.html").ExistsAsync());

        clock.Advance(TimeSpan.FromMinutes(16));
        var (expired, _, _) = await ServeAsync(services, token);
        Assert.Equal(StatusCodes.Status404NotFound, expired);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("../../index.html")]
    [InlineData("ABCDEF")]
    public async Task UnknownOrMalformedTokens_Answer404(string token)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, _) = await ServeAsync(services, token);

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }
}
