using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The management API: create, bulk create, details, listing, change and archive.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShortLinkFunctionsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("""{"url":"https://example.com/","tags":[null]}""", "invalid_tag")]
    [InlineData("""{"url":"https://\u0430pple.com/"}""", "invalid_url")]
    [InlineData("""{"url":"https://exa\u200bmple.com/"}""", "invalid_url")]
    [InlineData(null, "invalid_url")]
    public async Task CreateShortLink_HostileBody_Is400NotA500(string? json, string code)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        json ??= $$"""{"url":"https://example.com/?q={{new string('a', 40_000)}}"}""";

        var (status, _, body) = await new LinkApi(services).CreateAsync(json);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(code, body!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateShortLink_InAzure_ToTheAppsDefaultHostName_IsRefusedAsALoop()
    {
        // In Azure the platform sets WEBSITE_HOSTNAME; the app answers there as well as on its short-link domain.
        await using var services = await PipelineServices.CreateAsync(azurite, settings: new() { ["WEBSITE_HOSTNAME"] = "pipeline-app.azurewebsites.net" });

        var (status, _, body) = await new LinkApi(services).CreateAsync("""{"url":"https://pipeline-app.azurewebsites.net/abc123"}""");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("itself", body!.Value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateShortLink_UnicodeHost_RedirectsToItsPunycode()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var created = await api.CodeOfNewAsync("""{"url":"https://例え.jp/page"}""");

        var (status, headers, _) = await api.FollowAsync(created);

        Assert.Equal(StatusCodes.Status302Found, status);
        Assert.Equal("https://xn--r8jz45g.jp/page", headers.Location.ToString());
    }

    [Fact]
    public async Task CreateShortLink_HttpsUrl_Returns201WithCodeShortUrlAndUrl()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, headers, json) = await new LinkApi(services).CreateAsync("""{"url":"https://example.com/story?id=7","title":"Story","tags":["Sport"]}""");

        Assert.Equal(StatusCodes.Status201Created, status);
        var code = json!.Value.GetProperty("code").GetString()!;
        Assert.Matches("^[23456789abcdefghjkmnpqrstuvwxyz]{6}$", code);
        Assert.Equal($"http://127.0.0.1:7071/{code}", json.Value.GetProperty("shortUrl").GetString());
        Assert.Equal("https://example.com/story?id=7", json.Value.GetProperty("url").GetString());
        Assert.Equal("Story", json.Value.GetProperty("title").GetString());
        Assert.Equal(["sport"], json.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"http://127.0.0.1:7071/{code}", headers.Location.ToString());
    }

    [Theory]
    [InlineData("""{"url":"javascript:alert(1)"}""", "invalid_url")]
    [InlineData("""{"url":"data:text/html,<script>alert(1)</script>"}""", "invalid_url")]
    [InlineData("""{"url":"vbscript:msgbox(1)"}""", "invalid_url")]
    [InlineData("""{"url":"file:///etc/passwd"}""", "invalid_url")]
    [InlineData("""{"url":"ftp://example.com/file"}""", "invalid_url")]
    [InlineData("""{"url":"/relative/path"}""", "invalid_url")]
    [InlineData("""{"url":"example.com/no-scheme"}""", "invalid_url")]
    [InlineData("""{"url":"https://user:secret@example.com/"}""", "invalid_url")]
    [InlineData("""{"url":"http://127.0.0.1:7071/abcdef"}""", "invalid_url")]
    [InlineData("""{"url":"https://example.com/","expiredUrl":"javascript:alert(1)"}""", "invalid_url")]
    [InlineData("""{}""", "invalid_url")]
    [InlineData("""{"url":"https://example.com/","code":"ab"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","code":"has space"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","code":"a/b/c"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","code":"abcdefghijklmnopqrstuvwxyz0123456"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","code":"api"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","code":"ADMIN"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","code":"static"}""", "invalid_code")]
    [InlineData("""{"url":"https://example.com/","expiresAt":"2001-01-01T00:00:00Z"}""", "invalid_expiry")]
    [InlineData("""{"url":"https://example.com/","tags":["no spaces please"]}""", "invalid_tag")]
    [InlineData("""not json""", "invalid_body")]
    public async Task CreateShortLink_BadInput_Returns400WithJsonError(string body, string expectedCode)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await new LinkApi(services).CreateAsync(body);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(expectedCode, json!.Value.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.Value.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task CreateShortLink_CustomCodeTakenInAnyCase_Returns409AndKeepsTheFirst()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var (first, _, created) = await api.CreateAsync("""{"url":"https://example.com/first","code":"Promo-2026"}""");

        var (second, _, error) = await api.CreateAsync("""{"url":"https://example.com/second","code":"promo-2026"}""");

        Assert.Equal(StatusCodes.Status201Created, first);
        Assert.Equal("Promo-2026", created!.Value.GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status409Conflict, second);
        Assert.Equal("code_taken", error!.Value.GetProperty("code").GetString());
        var (_, headers, _) = await api.FollowAsync("PROMO-2026");
        Assert.Equal("https://example.com/first", headers.Location.ToString());
    }

    [Fact]
    public async Task CreateShortLink_50ConcurrentCreatesOfOneCode_ExactlyOne201()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
            (await api.CreateAsync($$"""{"url":"https://example.com/{{i}}","code":"race-code"}""")).Status));

        Assert.Equal(1, statuses.Count(s => s == StatusCodes.Status201Created));
        Assert.Equal(49, statuses.Count(s => s == StatusCodes.Status409Conflict));
        var (_, _, listed) = await api.ListAsync("?top=100");
        Assert.Single(listed!.Value.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task CreateShortLinks_MixedItems_AnswersPerItemAndCreatesOnlyTheValidOnes()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        await api.CodeOfNewAsync("""{"url":"https://example.com/old","code":"taken-one"}""");

        var (status, _, json) = await api.CreateManyAsync("""
            [
              {"url":"https://example.com/a"},
              {"url":"javascript:alert(1)"},
              {"url":"https://example.com/b","code":"taken-one"},
              {"url":"https://example.com/c","code":"fresh-one"},
              {"url":"https://example.com/d","code":"FRESH-one"}
            ]
            """);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(2, json!.Value.GetProperty("created").GetInt32());
        Assert.Equal(3, json.Value.GetProperty("failed").GetInt32());
        var items = json.Value.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([201, 400, 409, 201, 409], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.Equal("invalid_url", items[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("fresh-one", items[3].GetProperty("link").GetProperty("code").GetString());
        var (_, old, _) = await api.FollowAsync("taken-one");
        Assert.Equal("https://example.com/old", old.Location.ToString());
        var (_, _, listed) = await api.ListAsync("?top=100");
        Assert.Equal(3, listed!.Value.GetProperty("links").GetArrayLength());
    }

    [Fact]
    public async Task CreateShortLinks_MoreThan100_Returns400AndCreatesNothing()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var body = JsonSerializer.Serialize(Enumerable.Range(0, 101).Select(i => new { url = $"https://example.com/{i}" }));

        var (status, _, json) = await api.CreateManyAsync(body);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("too_many", json!.Value.GetProperty("code").GetString());
        var (_, _, listed) = await api.ListAsync("");
        Assert.Equal(0, listed!.Value.GetProperty("links").GetArrayLength());
    }

    [Fact]
    public async Task GetShortLink_KnownAndUnknown_Returns200WithDetailsOr404()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/x","title":"X","expiresAt":"2100-01-01T00:00:00Z"}""");

        var (status, _, json) = await api.GetAsync(code.ToUpperInvariant());
        var (missing, _, error) = await api.GetAsync("nosuchcode");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(code, json!.Value.GetProperty("code").GetString());
        Assert.Equal("X", json.Value.GetProperty("title").GetString());
        Assert.Equal(2100, json.Value.GetProperty("expiresAt").GetDateTimeOffset().Year);
        Assert.Equal(0, json.Value.GetProperty("clicks").GetProperty("clicks").GetInt64());
        Assert.Equal(StatusCodes.Status404NotFound, missing);
        Assert.Equal("not_found", error!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ListShortLinks_ByTagInPagesOfTwo_ReturnsEachTaggedLinkOnceNewestFirst()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var tagged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tagged.Add(await api.CodeOfNewAsync($$"""{"url":"https://example.com/t{{i}}","tags":["election","other"]}"""));
            await api.CodeOfNewAsync($$"""{"url":"https://example.com/u{{i}}","tags":["sport"]}""");
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var query = "?tag=Election&top=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            var (status, _, json) = await api.ListAsync(query);
            Assert.Equal(StatusCodes.Status200OK, status);
            var links = json!.Value.GetProperty("links").EnumerateArray().ToList();
            Assert.True(links.Count <= 2);
            seen.AddRange(links.Select(l => l.GetProperty("code").GetString()!));
            continuation = json.Value.GetProperty("continuation").GetString();
        }
        while (continuation is not null && ++pages < 10);

        Assert.Equal(Enumerable.Reverse(tagged), seen);
    }

    [Theory]
    [InlineData("?top=0")]
    [InlineData("?top=101")]
    [InlineData("?top=ten")]
    [InlineData("?tag=not%20a%20tag")]
    public async Task ListShortLinks_BadQuery_Returns400(string query)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await new LinkApi(services).ListAsync(query);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.NotNull(json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task UpdateShortLink_NewTarget_RedirectFollowsItAtOnce()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/before"}""");
        await api.FollowAsync(code); // now cached

        var (status, _, json) = await api.UpdateAsync(code, """{"url":"https://example.com/after","title":"After"}""");
        var (_, headers, _) = await api.FollowAsync(code);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("https://example.com/after", json!.Value.GetProperty("url").GetString());
        Assert.Equal("After", json.Value.GetProperty("title").GetString());
        Assert.Equal("https://example.com/after", headers.Location.ToString());
    }

    [Theory]
    [InlineData("nosuch", """{"url":"https://example.com/"}""", StatusCodes.Status404NotFound, "not_found")]
    [InlineData(null, """{"url":"javascript:alert(1)"}""", StatusCodes.Status400BadRequest, "invalid_url")]
    [InlineData(null, """{"expiresAt":"2001-01-01T00:00:00Z"}""", StatusCodes.Status400BadRequest, "invalid_expiry")]
    [InlineData(null, "[", StatusCodes.Status400BadRequest, "invalid_body")]
    public async Task UpdateShortLink_BadRequest_ReturnsErrorAndKeepsTheLink(string? code, string body, int expectedStatus, string expectedCode)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var existing = await api.CodeOfNewAsync("""{"url":"https://example.com/kept"}""");

        var (status, _, json) = await api.UpdateAsync(code ?? existing, body);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, json!.Value.GetProperty("code").GetString());
        var (_, headers, _) = await api.FollowAsync(existing);
        Assert.Equal("https://example.com/kept", headers.Location.ToString());
    }

    [Fact]
    public async Task ArchiveShortLink_KnownCode_RedirectAnswers410AndCodeStaysTaken()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var api = new LinkApi(services);
        var code = await api.CodeOfNewAsync("""{"url":"https://example.com/gone","code":"gone-soon"}""");
        await api.FollowAsync(code);

        var (status, _, json) = await api.ArchiveAsync(code);
        var (follow, _, error) = await api.FollowAsync(code);
        var (again, _, _) = await api.CreateAsync("""{"url":"https://example.com/new","code":"gone-soon"}""");
        var (patch, _, _) = await api.UpdateAsync(code, """{"url":"https://example.com/revived"}""");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.NotEqual(JsonValueKind.Null, json!.Value.GetProperty("archivedAt").ValueKind);
        Assert.Equal(StatusCodes.Status410Gone, follow);
        Assert.Equal("archived", error!.Value.GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status409Conflict, again);
        Assert.Equal(StatusCodes.Status410Gone, patch);
    }

    [Fact]
    public async Task ArchiveShortLink_UnknownCode_Returns404()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var (status, _, json) = await new LinkApi(services).ArchiveAsync("nosuch");

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("not_found", json!.Value.GetProperty("code").GetString());
    }
}
