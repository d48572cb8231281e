using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Links;

namespace Pipeline.Core.Tests.Links;

public sealed class ClickCounterTests
{
    private readonly InMemoryShortLinkStore _store = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T23:59:59Z"));

    private ClickCounter Counter() => new(_store, new CoarseClock(_clock), NullLogger<ClickCounter>.Instance);

    [Fact]
    public async Task FlushAsync_ClicksAcrossMidnight_AreStoredPerDayPeopleAndBotsApart()
    {
        var counter = Counter();
        counter.Record("abc", bot: false);
        counter.Record("abc", bot: true);
        _clock.Advance(TimeSpan.FromSeconds(2));
        counter.Record("abc", bot: false);
        counter.Record("abc", bot: false);

        var written = await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(4, written);
        Assert.Equal(
            [new ClickDelta("abc", new DateOnly(2026, 3, 1), 1, 1), new ClickDelta("abc", new DateOnly(2026, 3, 2), 2, 0)],
            _store.Clicks.OrderBy(c => c.Day));
    }

    [Fact]
    public async Task FlushAsync_StorageFails_KeepsTheClicksForTheNextFlush()
    {
        var counter = Counter();
        for (var i = 0; i < 7; i++)
        {
            counter.Record("abc", bot: i == 0);
        }

        _store.AddFailures = 1;
        var failed = await counter.FlushAsync(CancellationToken.None);
        counter.Record("abc", bot: false);
        var retried = await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.Equal(8, retried);
        Assert.Equal(new ClickDelta("abc", new DateOnly(2026, 3, 1), 7, 1), Assert.Single(_store.Clicks));
    }

    [Fact]
    public async Task FlushAsync_ConcurrentRecording_CountsEveryClickExactlyOnce()
    {
        var counter = Counter();

        var recording = Task.Run(() => Parallel.For(0, 20_000, i => counter.Record("hot", bot: i % 10 == 0)));
        long flushed = 0;
        while (!recording.IsCompleted)
        {
            flushed += await counter.FlushAsync(CancellationToken.None);
        }

        await recording;
        flushed += await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(20_000, flushed);
        Assert.Equal(18_000, _store.Clicks.Sum(c => c.Clicks));
        Assert.Equal(2_000, _store.Clicks.Sum(c => c.Bots));
    }
}
