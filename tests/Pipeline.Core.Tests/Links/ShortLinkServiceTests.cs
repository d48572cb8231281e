using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Links;

namespace Pipeline.Core.Tests.Links;

public sealed class ShortLinkServiceTests
{
    private readonly InMemoryShortLinkStore _store = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T00:00:00Z"));

    private ShortLinkService Service() =>
        new(_store, new RedirectCache(Options.Create(new ShortLinkOptions()), new CoarseClock(_clock)), Options.Create(new PipelineOptions()), Options.Create(new ShortLinkOptions()), _clock);

    [Fact]
    public async Task CreateAsync_1000GeneratedCodes_AllDistinctSixCharsOfTheAlphabet()
    {
        var service = Service();

        var codes = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var result = await service.CreateAsync(new ShortLinkRequest($"https://example.com/{i}"), CancellationToken.None);
            codes.Add(result.Value!.Code);
        }

        Assert.Equal(1000, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.Matches("^[23456789abcdefghjkmnpqrstuvwxyz]{6}$", c));
        Assert.Equal(1000, _store.Links.Count);
    }

    [Fact]
    public async Task CreateAsync_GeneratedCodeCollides_TriesAFreshCodeUntilOneIsFree()
    {
        var service = Service();
        _store.RefuseNextAdds(5);

        var result = await service.CreateAsync(new ShortLinkRequest("https://example.com/"), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(6, _store.Attempts.Count);
        Assert.Equal(result.Value!.Code, _store.Attempts[^1]);
        // After four collisions the codes grow by one character, so a crowded code space still ends the loop.
        Assert.Equal([6, 6, 6, 6, 7, 7], _store.Attempts.Select(c => c.Length));
    }

    [Fact]
    public async Task CreateAsync_CustomCodeTaken_FailsWithoutRetrying()
    {
        var service = Service();
        _store.RefuseNextAdds(1);

        var result = await service.CreateAsync(new ShortLinkRequest("https://example.com/", Code: "Taken"), CancellationToken.None);

        Assert.Equal(LinkErrorCodes.CodeTaken, result.Error!.Code);
        Assert.Single(_store.Attempts);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("Breaking_News-2026", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("ab", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("a.b", false)]
    [InlineData("ünï", false)]
    [InlineData("api", false)]
    [InlineData("Admin", false)]
    [InlineData("STATIC", false)]
    public void CheckCode_Rules_AcceptOnlyWhatTheyShould(string code, bool allowed)
    {
        Assert.Equal(allowed, ShortLinkService.CheckCode(code) is null);
    }

    [Fact]
    public async Task CreateManyAsync_SameCodeTwiceInOneRequest_FirstWinsSecondIsTaken()
    {
        var service = Service();

        var result = await service.CreateManyAsync(
            [new ShortLinkRequest("https://example.com/1", Code: "twice"), new ShortLinkRequest("https://example.com/2", Code: "TWICE")], CancellationToken.None);

        Assert.Equal("https://example.com/1", result.Value!.Items[0].Value!.Url);
        Assert.Equal(LinkErrorCodes.CodeTaken, result.Value.Items[1].Error!.Code);
    }

    [Fact]
    public async Task UpdateAsync_ClearExpiry_RemovesExpiryAndExpiredUrl()
    {
        var service = Service();
        var created = await service.CreateAsync(
            new ShortLinkRequest("https://example.com/", Code: "dated", ExpiresAt: _clock.GetUtcNow().AddDays(1), ExpiredUrl: "https://example.com/over"), CancellationToken.None);

        var updated = await service.UpdateAsync("dated", new ShortLinkUpdate(ClearExpiry: true), CancellationToken.None);

        Assert.NotNull(created.Value!.ExpiresAt);
        Assert.Null(updated.Value!.ExpiresAt);
        Assert.Null(updated.Value.ExpiredUrl);
        Assert.Equal(_clock.GetUtcNow(), updated.Value.UpdatedAt);
    }

    [Fact]
    public async Task CreateAsync_NonAsciiUrl_IsStoredPercentEncodedForTheLocationHeader()
    {
        var service = Service();

        var result = await service.CreateAsync(new ShortLinkRequest("https://example.com/أخبار?q=ü"), CancellationToken.None);

        Assert.Equal("https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1?q=%C3%BC", result.Value!.Url);
    }
}
