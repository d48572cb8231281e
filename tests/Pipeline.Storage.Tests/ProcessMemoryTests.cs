using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Storage.Blobs;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>
/// What a process remembers of its own storage work (article content, the site files it wrote) saves requests, and
/// never hides what storage holds: a failed write is not remembered, and a file another instance changed is checked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProcessMemoryTests(AzuriteFixture azurite)
{
    private static readonly ParsedArticle Article = new() { Headline = "Floods close the coast road", Paragraphs = ["Water rose overnight.", "The road reopens on Monday."] };

    [Fact]
    public async Task GetContent_SavedByThisProcess_ComesWithoutADownload()
    {
        var counter = new RequestCounter();
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(counter));
        var store = services.Get<IArticleStore>();
        await store.SaveContentAsync("a1", "h1", Article, CancellationToken.None);

        var content = await store.GetContentAsync("a1", "h1", CancellationToken.None);

        Assert.Equal(Article.Paragraphs, content!.Paragraphs);
        Assert.Equal(0, Count(counter, "GET content"));
    }

    [Fact]
    public async Task GetContent_ReadTwiceByAnotherInstance_DownloadsOnce()
    {
        await using var writer = await PipelineServices.CreateAsync(azurite);
        await writer.Get<IArticleStore>().SaveContentAsync("a1", "h1", Article, CancellationToken.None);
        var counter = new RequestCounter();
        await using var reader = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(counter), writer.StorageSettings());

        var first = await reader.Get<IArticleStore>().GetContentAsync("a1", "h1", CancellationToken.None);
        var second = await reader.Get<IArticleStore>().GetContentAsync("a1", "h1", CancellationToken.None);

        Assert.Equal(Article.Headline, first!.Headline);
        Assert.Equal(Article.Headline, second!.Headline);
        Assert.Equal(1, Count(counter, "GET content"));
    }

    [Fact]
    public async Task SaveContent_WriteFailed_IsNotServedFromMemory()
    {
        var fault = new FaultInjectionPolicy { FailAt = 0 };
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(fault));
        var store = services.Get<IArticleStore>();
        fault.Arm();

        await Assert.ThrowsAsync<InjectedFaultException>(() => store.SaveContentAsync("a1", "h1", Article, CancellationToken.None));

        Assert.Null(await store.GetContentAsync("a1", "h1", CancellationToken.None));
    }

    [Fact]
    public void ContentCache_ArticleLongerThanASixteenthOfTheBudget_IsNotKept()
    {
        using var cache = new ContentCache(characters: 16_000);
        cache.Set("short", "h", Article);
        cache.Set("long", "h", Article with { Paragraphs = [new string('x', 2_000)] });

        Assert.True(cache.TryGet("short", "h", out _));
        Assert.False(cache.TryGet("long", "h", out _));
    }

    [Fact]
    public async Task WriteSiteFile_ChangedSinceThisProcessWroteIt_IsWrittenWithoutAskingStorage()
    {
        var counter = new RequestCounter();
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(counter));
        var site = services.Get<ISiteStore>();
        await new SiteWriter(site).WriteAsync(Page("first"), CancellationToken.None);
        var looks = Count(counter, "HEAD web");

        var wrote = await new SiteWriter(site).WriteAsync(Page("second"), CancellationToken.None);

        Assert.True(wrote);
        Assert.Equal(looks, Count(counter, "HEAD web"));
        Assert.Equal("second", Encoding.UTF8.GetString((await site.ReadAsync("news/index.html", CancellationToken.None))!));
    }

    [Fact]
    public async Task WriteSiteFile_SameAsThisProcessWroteButChangedElsewhere_IsWrittenAgain()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await using var other = await PipelineServices.CreateAsync(azurite, settings: services.StorageSettings());
        var site = services.Get<ISiteStore>();
        await new SiteWriter(site).WriteAsync(Page("first"), CancellationToken.None);
        await new SiteWriter(other.Get<ISiteStore>()).WriteAsync(Page("from another instance"), CancellationToken.None);

        var wrote = await new SiteWriter(site).WriteAsync(Page("first"), CancellationToken.None);

        Assert.True(wrote);
        Assert.Equal("first", Encoding.UTF8.GetString((await site.ReadAsync("news/index.html", CancellationToken.None))!));
    }

    [Fact]
    public async Task WriteSiteFile_UnchangedSinceThisProcessWroteIt_IsNotWrittenAgain()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var site = services.Get<ISiteStore>();
        await new SiteWriter(site).WriteAsync(Page("first"), CancellationToken.None);

        Assert.False(await new SiteWriter(site).WriteAsync(Page("first"), CancellationToken.None));
    }

    private static SiteFile Page(string text) => new("news/index.html", Encoding.UTF8.GetBytes(text), SiteFile.Html, SiteFile.IndexCache);

    private static int Count(RequestCounter counter, string kind) =>
        counter.ByKind.Where(k => k.Key.StartsWith(kind, StringComparison.Ordinal)).Sum(k => k.Value.Count);
}
