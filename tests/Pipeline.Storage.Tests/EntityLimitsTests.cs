using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>Limits Azure enforces and Azurite does not: each test would pass on Azurite, and fail in Azure, without the check.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntityLimitsTests(AzuriteFixture azurite)
{
    private static ArticleRecord Record(string id, string headline) => new()
    {
        Id = id,
        Slug = "s",
        Path = "2026/01/01/s/",
        Headline = headline,
        Section = "news",
        PublishedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Version = 1,
        ContentHash = "h",
        ShortCode = "abcdef",
        SourceBlob = "a.txt",
        SourcePosition = 0,
    };

    [Fact]
    public async Task SaveArticle_StringPropertyOver64KiB_IsRefusedBeforeItReachesStorage()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            services.Get<IArticleStore>().SaveAsync(Record("bigheadline", new string('x', 33_000)), CancellationToken.None));

        Assert.Contains("64 KiB", error.Message);
        Assert.Null(await services.Get<IArticleStore>().GetAsync("bigheadline", CancellationToken.None));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    public async Task SaveArticle_ForbiddenKeyCharacter_IsRefused(string id)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        await Assert.ThrowsAsync<ArgumentException>(() => services.Get<IArticleStore>().SaveAsync(Record(id, "headline"), CancellationToken.None));
    }

    [Fact]
    public async Task CreateLink_CodeWithSlash_NeverReachesTheTable()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IShortLinkStore>();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryAddAsync(
            new ShortLink { Code = "ab/cd", Url = "https://example.com/", CreatedAt = DateTimeOffset.UtcNow }, CancellationToken.None));
    }
}
