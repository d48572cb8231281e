using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Links;

namespace Pipeline.Core.Tests.Links;

public sealed class RedirectCacheTests
{
    private readonly FakeTimeProvider _clock = new();

    private RedirectCache Cache(int capacity = 100) => new(Options.Create(new ShortLinkOptions
    {
        CacheTtl = TimeSpan.FromSeconds(30),
        NotFoundCacheTtl = TimeSpan.FromSeconds(5),
        CacheCapacity = capacity,
    }), new CoarseClock(_clock));

    private static ShortLink Link(string code) => new() { Code = code, Url = "https://example.com/" + code, CreatedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public void TryGet_WithinTtlInAnyCase_ReturnsTheLinkAndForgetsItAfter()
    {
        var cache = Cache();
        cache.Set("Promo", Link("Promo"));

        var fresh = cache.TryGet("PROMO", out var link);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var stale = cache.TryGet("promo", out _);

        Assert.True(fresh);
        Assert.Equal("Promo", link!.Code);
        Assert.False(stale);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TryGet_UnknownCode_IsRememberedOnlyBriefly()
    {
        var cache = Cache();
        cache.Set("nosuch", null);

        var known = cache.TryGet("nosuch", out var link);
        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.True(known);
        Assert.Null(link);
        Assert.False(cache.TryGet("nosuch", out _));
    }

    [Fact]
    public void Invalidate_CachedCode_NextLookupMisses()
    {
        var cache = Cache();
        cache.Set("abc", Link("abc"));

        cache.Invalidate("ABC");

        Assert.False(cache.TryGet("abc", out _));
    }

    [Fact]
    public void Set_BeyondCapacity_StaysBounded()
    {
        var cache = Cache(capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set("code" + i, Link("code" + i));
        }

        Assert.InRange(cache.Count, 1, 100);
        Assert.True(cache.TryGet("code9999", out _), "the newest entry survives a trim");
    }
    [Fact]
    public void Set_AFloodOfUnknownCodes_NeverPushesOutARealLink()
    {
        var cache = Cache(capacity: 100);
        cache.Set("hot", Link("hot"));
        for (var i = 0; i < 50; i++)
        {
            cache.Set("real" + i, Link("real" + i));
        }

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set("madeup" + i, null);
        }

        Assert.True(cache.TryGet("hot", out var hot) && hot is not null);
        Assert.Equal(51, cache.Count);
        Assert.InRange(cache.UnknownCount, 1, 100);
    }

    [Fact]
    public void Set_BeyondCapacity_ForgetsTheLeastRecentlyUsedAndKeepsAHotLink()
    {
        var cache = Cache(capacity: 100);
        cache.Set("hot", Link("hot"));

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set("cold" + i, Link("cold" + i));
            if (i % 20 == 0)
            {
                Assert.True(cache.TryGet("hot", out _), $"the hot link was forgotten after {i} other links");
            }
        }

        Assert.True(cache.TryGet("hot", out _));
        Assert.False(cache.TryGet("cold0", out _), "a link nobody asked for again is the first to go");
    }
}
