using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Links;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The reader's redirect: statuses, query strings, the site's 404 page, expiry and click counting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FollowShortLinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FollowShortLink_KnownCode_Redirects302WithShortCacheControl()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/target"}""");

        var (status, headers, _) = await api.FollowAsync(code);

        Assert.Equal(StatusCodes.Status302Found, status);
        Assert.Equal("https://example.com/target", headers.Location.ToString());
        Assert.Equal("private, max-age=60", headers.CacheControl.ToString());
    }

    [Fact]
    public async Task FollowShortLink_AClientMakingUpCodes_Is429dAfterItsBurst_WhileAHotLinkAndOtherClientsStillRedirect()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: new()
        {
            ["ShortLinks:LookupBurst"] = "20",
            ["ShortLinks:LookupsPerSecond"] = "1",
            ["ShortLinks:ClientAddressHeader"] = "X-Forwarded-For",
        });
        var api = new LinkApi(services);
        var hot = await api.CodeOfNewAsync("""{"url":"https://example.com/hot"}""");
        var cold = await api.CodeOfNewAsync("""{"url":"https://example.com/cold"}""");
        Assert.Equal(StatusCodes.Status302Found, (await Follow(services, hot, "203.0.113.9, 198.51.100.7:51234")).Status);

        var statuses = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            // The client claims another address in front; the front end's own entry (the last) is what counts.
            statuses.Add((await Follow(services, $"madeup{i:D3}", $"10.0.0.{i % 250}, 198.51.100.7:{40000 + i}")).Status);
        }

        var limited = await Follow(services, "madeup-next", "198.51.100.7:40999");
        var hotForThatClient = await Follow(services, hot, "198.51.100.7:41000");
        var coldForAnother = await Follow(services, cold, "192.0.2.44:5000");

        Assert.InRange(statuses.Count(s => s == StatusCodes.Status404NotFound), 19, 22);
        Assert.Equal(60, statuses.Count(s => s is StatusCodes.Status404NotFound or StatusCodes.Status429TooManyRequests));
        Assert.Equal(StatusCodes.Status429TooManyRequests, limited.Status);
        Assert.Equal("1", limited.Headers.RetryAfter.ToString());
        Assert.Equal("rate_limited", limited.Json!.Value.GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status302Found, hotForThatClient.Status);
        Assert.Equal(StatusCodes.Status302Found, coldForAnother.Status);
    }

    private static Task<(int Status, IHeaderDictionary Headers, System.Text.Json.JsonElement? Json)> Follow(PipelineServices services, string code, string forwardedFor) =>
        HttpResults.CallAsync(r =>
        {
            r.Headers["X-Forwarded-For"] = forwardedFor;
            return services.Create<Pipeline.Functions.Functions.FollowShortLink>().Run(r, code, CancellationToken.None);
        }, "GET", "/" + code, userAgent: LinkApi.Browser);

    [Fact]
    public async Task FollowShortLink_Configured301_RedirectsPermanently()
    {
        await using var services = await PipelineServices.CreateAsync(azurite, settings: new() { ["ShortLinks:RedirectStatus"] = "301" });
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/forever"}""");

        var (status, headers, _) = await api.FollowAsync(code);

        Assert.Equal(StatusCodes.Status301MovedPermanently, status);
        Assert.Equal("https://example.com/forever", headers.Location.ToString());
    }

    [Fact]
    public async Task FollowShortLink_PassQueryOff_LeadsToTheTargetExactly_UntilTurnedOnAgain()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/signup?plan=basic","passQuery":false}""");

        var (_, off, _) = await api.FollowAsync(code, "?utm_source=x&ref=mail");
        var (_, _, shown) = await api.GetAsync(code);
        var (patched, _, _) = await api.UpdateAsync(code, """{"passQuery":true}""");
        var (_, on, _) = await api.FollowAsync(code, "?utm_source=x");

        Assert.Equal("https://example.com/signup?plan=basic", off.Location.ToString());
        Assert.False(shown!.Value.GetProperty("passQuery").GetBoolean());
        Assert.Equal(StatusCodes.Status200OK, patched);
        Assert.Equal("https://example.com/signup?plan=basic&utm_source=x", on.Location.ToString());
    }

    [Theory]
    [InlineData("https://example.com/story", "?utm_source=x", "https://example.com/story?utm_source=x")]
    [InlineData("https://example.com/story?id=7#top", "?utm_source=x&id=8", "https://example.com/story?id=7&utm_source=x#top")]
    [InlineData("https://example.com/story?id=7&a=1", "?utm_medium=social", "https://example.com/story?id=7&a=1&utm_medium=social")]
    [InlineData("https://example.com/story?id=7", "", "https://example.com/story?id=7")]
    public async Task FollowShortLink_QueryString_IsMergedIntoTheTarget(string target, string query, string expected)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync($$"""{"url":"{{target}}"}""");

        var (status, headers, _) = await api.FollowAsync(code, query);

        Assert.Equal(StatusCodes.Status302Found, status);
        Assert.Equal(expected, headers.Location.ToString());
    }

    [Theory]
    [InlineData("zzzzzz")]
    [InlineData("api")]
    [InlineData("favicon.ico")]
    public async Task FollowShortLink_UnknownCode_Returns404WithTheSitesNotFoundPage(string code)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await services.Get<SitePublisher>().PublishThemeAsync(includeHome: false, CancellationToken.None);
        var context = HttpResults.Request("GET", "/" + code);

        var result = await services.Create<Functions.FollowShortLink>().Run(context.Request, code, CancellationToken.None);
        var (status, headers, body) = await HttpResults.ExecuteRawAsync(result, context);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.StartsWith("text/html", headers.ContentType.ToString());
        Assert.Contains("Page not found", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("promo\n")]
    [InlineData("promo\r\n")]
    [InlineData("\npromo")]
    public async Task FollowShortLink_ValidCodeWithALineBreak_Is404Not500(string code)
    {
        // A pattern's '$' matches before a final line feed: "promo\n" passed the code check, then the key check threw.
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        await api.CreateAsync("""{"url":"https://example.com/offer","code":"promo"}""");

        var (status, _, _) = await api.FollowAsync(code);

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }

    [Fact]
    public async Task FollowShortLink_UnknownCodeAndNoSitePage_Returns404JsonError()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await new LinkApi(services).FollowAsync("zzzzzz");

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("not_found", json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task FollowShortLink_CodeCreatedAfterAMiss_RedirectsAtOnce()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var (miss, _, _) = await api.FollowAsync("late-code");

        await api.CodeOfNewAsync("""{"url":"https://example.com/late","code":"late-code"}""");
        var (status, _, _) = await api.FollowAsync("late-code");

        Assert.Equal(StatusCodes.Status404NotFound, miss);
        Assert.Equal(StatusCodes.Status302Found, status);
    }

    [Fact]
    public async Task FollowShortLink_Expired_RedirectsToExpiredUrlOrAnswers410()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock));
        var api = new LinkApi(services);
        var withFallback = await api.CodeOfNewAsync("""{"url":"https://example.com/offer","expiresAt":"2026-03-02T00:00:00Z","expiredUrl":"https://example.com/offer-ended"}""");
        var without = await api.CodeOfNewAsync("""{"url":"https://example.com/offer","expiresAt":"2026-03-02T00:00:00Z"}""");
        var (beforeStatus, beforeHeaders, _) = await api.FollowAsync(withFallback);

        clock.Advance(TimeSpan.FromDays(1));
        var (fallbackStatus, fallbackHeaders, _) = await api.FollowAsync(withFallback);
        var (goneStatus, _, gone) = await api.FollowAsync(without);

        Assert.Equal(StatusCodes.Status302Found, beforeStatus);
        Assert.Equal("https://example.com/offer", beforeHeaders.Location.ToString());
        Assert.Equal(StatusCodes.Status302Found, fallbackStatus);
        Assert.Equal("https://example.com/offer-ended", fallbackHeaders.Location.ToString());
        Assert.Equal(StatusCodes.Status410Gone, goneStatus);
        Assert.Equal("expired", gone!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task FollowShortLink_500ConcurrentRedirectsWithBots_CountsPeopleAndBotsApartAfterFlush()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/popular"}""");
        string[] bots = ["facebookexternalhit/1.1", "Slackbot-LinkExpanding 1.0", "Mozilla/5.0 (compatible; Googlebot/2.1)", "WhatsApp/2.23", "Twitterbot/1.0", ""];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
            (await api.FollowAsync(i % 5 == 0 ? code.ToUpperInvariant() : code, "?utm_source=test", i % 4 == 0 ? bots[i % bots.Length] : LinkApi.Browser)).Status));
        var flushed = await services.Get<ClickCounter>().FlushAsync(CancellationToken.None);
        var (_, _, details) = await api.GetAsync(code);

        Assert.All(statuses, s => Assert.Equal(StatusCodes.Status302Found, s));
        Assert.Equal(500, flushed);
        var clicks = details!.Value.GetProperty("clicks");
        Assert.Equal(375, clicks.GetProperty("clicks").GetInt64());
        Assert.Equal(125, clicks.GetProperty("bots").GetInt64());
        var day = Assert.Single(clicks.GetProperty("days").EnumerateArray());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), day.GetProperty("day").GetString());
    }

    [Fact]
    public async Task FollowShortLink_TwoInstancesFlushingTheSameDay_LoseNoClick()
    {
        await using var first = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(first);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/shared"}""");
        // A second service graph on the same tables stands for a second instance with its own memory.
        await using var second = await PipelineServices.CreateAsync(azurite, settings: first.StorageSettings());
        var other = new LinkApi(second);

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? api : other).FollowAsync(code)));
            await Task.WhenAll(first.Get<ClickCounter>().FlushAsync(CancellationToken.None), second.Get<ClickCounter>().FlushAsync(CancellationToken.None));
        }

        var (_, _, details) = await api.GetAsync(code);
        Assert.Equal(200, details!.Value.GetProperty("clicks").GetProperty("clicks").GetInt64());
    }
}
