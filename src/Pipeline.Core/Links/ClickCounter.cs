using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pipeline.Core.Links;

/// <summary>
/// Counts clicks in memory (no storage write on the redirect path) and adds them to storage when flushed. Counts that
/// fail to flush are put back, so a storage outage delays figures but loses none.
/// </summary>
public sealed class ClickCounter(IShortLinkStore store, CoarseClock clock, ILogger<ClickCounter> logger)
{
    private readonly ConcurrentDictionary<(string Code, int Day), Tally> _tallies = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Counts one click; <paramref name="code"/> must be the link's stored code, so all spellings share one tally.</summary>
    public void Record(string code, bool bot)
    {
        var tally = _tallies.GetOrAdd((code, clock.DayNumber), static _ => new Tally());
        if (bot)
        {
            Interlocked.Increment(ref tally.Bots);
        }
        else
        {
            Interlocked.Increment(ref tally.Clicks);
        }
    }

    /// <summary>Adds everything counted so far to storage; returns how many clicks (people and bots) were written.</summary>
    public async Task<long> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var today = clock.DayNumber;
            var deltas = new List<(ClickDelta Delta, Tally Tally)>();
            foreach (var ((code, day), tally) in _tallies)
            {
                var clicks = Interlocked.Exchange(ref tally.Clicks, 0);
                var bots = Interlocked.Exchange(ref tally.Bots, 0);
                if (clicks + bots > 0)
                {
                    deltas.Add((new ClickDelta(code, DateOnly.FromDayNumber(day), clicks, bots), tally));
                }
                else if (day < today - 1)
                {
                    // A tally of a day before yesterday gets no more clicks (each click counts on its own day).
                    _tallies.TryRemove((code, day), out _);
                }
            }

            long written = 0;
            for (var i = 0; i < deltas.Count; i++)
            {
                var (delta, tally) = deltas[i];
                try
                {
                    await store.AddClicksAsync(delta, cancellationToken);
                    written += delta.Clicks + delta.Bots;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    foreach (var (unwritten, owner) in deltas[i..])
                    {
                        PutBack(unwritten, owner);
                    }

                    throw;
                }
                catch (Exception ex)
                {
                    PutBack(delta, tally);
                    logger.LogWarning(ex, "Clicks of {Code} on {Day} not stored yet; kept for the next flush", delta.Code, delta.Day);
                }
            }

            return written;
        }
        finally
        {
            _flushing.Release();
        }
    }

    private static void PutBack(ClickDelta delta, Tally tally)
    {
        Interlocked.Add(ref tally.Clicks, delta.Clicks);
        Interlocked.Add(ref tally.Bots, delta.Bots);
    }

    private sealed class Tally
    {
        public long Clicks;
        public long Bots;
    }
}
