using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Articles;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>Previous/next and related articles come from bounded reads either side of an article's listing row.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleNeighboursTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListNeighbours_MiddleOfSection_ReturnsNearestNewerAndOlderInOrder()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();
        var records = await SiteSeed.SeedAsync(store, 24, DateTimeOffset.UtcNow);
        var world = ArticleListing.Section("world");
        var all = (await store.ListAsync(world, 100, null, CancellationToken.None)).Items.Select(a => a.Id).ToList();
        var middle = records.Single(r => r.Id == all[4]);

        var around = await store.ListNeighboursAsync(world, middle.PublishedAt, middle.Id, 3, CancellationToken.None);

        Assert.Equal([all[3], all[2], all[1]], around.Newer.Select(a => a.Id));
        Assert.Equal([all[5], all[6], all[7]], around.Older.Select(a => a.Id));
    }

    [Fact]
    public async Task ListNeighbours_FortyArticlesAtTheSameMoment_ReturnsTheNearestNewerAndOlderOnes()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();
        var moment = DateTimeOffset.UtcNow;
        var records = new List<ArticleRecord>();
        for (var i = 0; i < 40; i++)
        {
            var (record, content) = SiteSeed.Article(i * 3, moment);
            records.Add(await SiteSeed.StoreAsync(store, SiteSeed.Record(record.Id, content, moment), content));
        }

        var world = ArticleListing.Section("world");
        var all = (await store.ListAsync(world, 100, null, CancellationToken.None)).Items.Select(a => a.Id).ToList();
        Assert.Equal(40, all.Count);

        // The last of the crowd has 39 newer rows inside the first window, more than that read takes at once.
        var last = records.Single(r => r.Id == all[^1]);
        var aroundLast = await store.ListNeighboursAsync(world, moment, last.Id, 3, CancellationToken.None);
        Assert.Equal([all[^2], all[^3], all[^4]], aroundLast.Newer.Select(a => a.Id));
        Assert.Empty(aroundLast.Older);

        var middle = records.Single(r => r.Id == all[20]);
        var aroundMiddle = await store.ListNeighboursAsync(world, moment, middle.Id, 3, CancellationToken.None);
        Assert.Equal([all[19], all[18], all[17]], aroundMiddle.Newer.Select(a => a.Id));
        Assert.Equal([all[21], all[22], all[23]], aroundMiddle.Older.Select(a => a.Id));
    }

    [Fact]
    public async Task ListNeighbours_NewerArticleYearsLater_IsFoundByWideningTheWindow()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();
        var old = DateTimeOffset.UtcNow.AddYears(-5);
        var (first, firstContent) = SiteSeed.Article(0, old);
        var (second, secondContent) = SiteSeed.Article(3, old.AddYears(4), "Four years later");
        await SiteSeed.StoreAsync(store, first, firstContent);
        await SiteSeed.StoreAsync(store, second, secondContent);

        var around = await store.ListNeighboursAsync(ArticleListing.Section(first.Section), first.PublishedAt, first.Id, 1, CancellationToken.None);

        Assert.Equal([second.Id], around.Newer.Select(a => a.Id));
        Assert.Empty(around.Older);
    }

    [Fact]
    public async Task ListNeighbours_NewestOfASparseSection_KnowsThereIsNothingNewerInThreeReads()
    {
        var counter = new RequestCounter();
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(counter));
        var store = services.Get<IArticleStore>();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var records = await StoreInOneSectionAsync(store, Enumerable.Range(0, 4).Select(i => start.AddDays(i * 7)));

        var newest = records[^1];
        var before = Queries(counter);
        var around = await store.ListNeighboursAsync(ArticleListing.Section(newest.Section), newest.PublishedAt, newest.Id, 3, CancellationToken.None);

        Assert.Empty(around.Newer);
        Assert.Equal(records.Take(3).Reverse().Select(r => r.Id), around.Older.Select(a => a.Id));

        // The older rows, one window above, then the listing's newest rows: not a dozen ever wider windows.
        Assert.Equal(3, Queries(counter) - before);
    }

    [Fact]
    public async Task ListNeighbours_OneNewerCloseByAndTheRestMonthsLater_FindsThemInFourReads()
    {
        var counter = new RequestCounter();
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(counter));
        var store = services.Get<IArticleStore>();
        var at = DateTimeOffset.UtcNow.AddYears(-1);
        var records = await StoreInOneSectionAsync(store, [at.AddHours(-2), at.AddHours(-1), at, at.AddSeconds(5), at.AddDays(200), at.AddDays(201)]);

        var before = Queries(counter);
        var around = await store.ListNeighboursAsync(ArticleListing.Section(records[2].Section), at, records[2].Id, 3, CancellationToken.None);

        // Nearest first: five seconds later, then the two from months later; a dozen ever wider windows are not needed.
        Assert.Equal([records[3].Id, records[4].Id, records[5].Id], around.Newer.Select(a => a.Id));
        Assert.Equal([records[1].Id, records[0].Id], around.Older.Select(a => a.Id));
        Assert.Equal(4, Queries(counter) - before);
    }

    /// <summary>Generated articles of one section (every third is in the same one), published at the given times.</summary>
    private static async Task<List<ArticleRecord>> StoreInOneSectionAsync(IArticleStore store, IEnumerable<DateTimeOffset> times)
    {
        var records = new List<ArticleRecord>();
        foreach (var (published, i) in times.Select((t, i) => (t, i * 3)))
        {
            var (record, content) = SiteSeed.Article(i, published);
            records.Add(await SiteSeed.StoreAsync(store, SiteSeed.Record(record.Id, content, published), content));
        }

        return records;
    }

    private static int Queries(RequestCounter counter) =>
        counter.ByKind.Where(k => k.Key.StartsWith("GET ArticleIndex query", StringComparison.Ordinal)).Sum(k => k.Value.Count);
}
