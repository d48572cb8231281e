using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Articles;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Front matter <c>publishAt</c> holds an article until its time; <c>draft: true</c> never publishes. Time comes from an injected clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchedulingTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static string Markdown(string title, string extra) => $"""
        ---
        title: "{title}"
        section: world
        {extra}
        ---

        PARIS: The first paragraph of the story, long enough to be a real paragraph of news text.

        A second paragraph with more detail about what happened and why it matters to readers.
        """;

    [Fact]
    public async Task PublishAt_InTheFuture_HeldUntilItsTimeThenPublishedByTheTimer()
    {
        var clock = new FakeTimeProvider(Start);
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock));
        var store = services.Get<IArticleStore>();
        var timer = services.Create<PublishScheduled>();

        var held = (await services.IngestAsync("world/embargo.md", Markdown("Embargoed report on river levels", "publishAt: 2026-03-03T09:00:00Z"))).Articles.Single();
        await services.DrainRenderQueueAsync();
        clock.Advance(TimeSpan.FromMinutes(30));
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        var stillHeld = await store.GetAsync(held.Id, CancellationToken.None);
        var listedBefore = await store.ListLatestAsync(10, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(31));
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        await services.DrainRenderQueueAsync();
        var published = await store.GetAsync(held.Id, CancellationToken.None);

        Assert.Equal(ArticleState.Scheduled, held.State);
        Assert.False(held.HasPage);
        Assert.Equal(ArticleState.Scheduled, stillHeld!.State);
        Assert.Empty(listedBefore);
        Assert.Equal(ArticleState.Published, published!.State);
        Assert.Equal("2026/03/03/embargoed-report-on-river-levels/", published.Path);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), published.PublishedAt);
        Assert.True(await services.Storage.Site.GetBlobClient(published.Path + "index.html").ExistsAsync());
        Assert.Equal([held.Id], (await store.ListLatestAsync(10, CancellationToken.None)).Select(a => a.Id));
        Assert.Empty(await store.ListDueAsync(clock.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Draft_NeverPublishesEvenWhenTheTimerRuns()
    {
        var clock = new FakeTimeProvider(Start);
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock));
        var store = services.Get<IArticleStore>();

        var draft = (await services.IngestAsync("world/draft.md", Markdown("Draft about the harbour vote", "draft: true"))).Articles.Single();
        clock.Advance(TimeSpan.FromDays(1));
        await services.Create<PublishScheduled>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        var rendered = await services.DrainRenderQueueAsync();

        Assert.Equal(ArticleState.Draft, (await store.GetAsync(draft.Id, CancellationToken.None))!.State);
        Assert.Equal(0, rendered);
        Assert.Empty(await store.ListLatestAsync(10, CancellationToken.None));
        Assert.Empty(await services.Storage.ShortLinks.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == "link").ToListAsync());
    }

    [Fact]
    public async Task Draft_ThenUploadedWithoutDraft_PublishesUnderItsSlug()
    {
        var clock = new FakeTimeProvider(Start);
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock));

        await services.IngestAsync("world/late.md", Markdown("Late-night vote on the budget", "draft: true"));
        var published = (await services.IngestAsync("world/late.md", Markdown("Late-night vote on the budget", "draft: false"))).Articles.Single();
        await services.DrainRenderQueueAsync();

        Assert.Equal(ArticleState.Published, published.State);
        Assert.Equal("2026/03/03/late-night-vote-on-the-budget/", published.Path);
        Assert.True(await services.Storage.Site.GetBlobClient(published.Path + "index.html").ExistsAsync());
    }
}
