using Microsoft.Extensions.Options;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Caps the memory that ingests and page renders on one instance hold at once (<see cref="PipelineOptions.WorkingMemoryBytes"/>).
/// Triggers run many of them side by side; an ingest holds its file several times over while parsing and storing it, a
/// render holds the article and its page, so fifty 10 MB uploads arriving together wait their turn here instead of
/// growing the process past its memory. Small articles take one 64 KB unit and never wait for each other.
/// </summary>
public sealed class WorkingMemoryGate
{
    private const int Unit = 64 * 1024;
    private readonly SemaphoreSlim _units;
    private readonly SemaphoreSlim _taking = new(1, 1);
    private readonly int _capacity;

    public WorkingMemoryGate(IOptions<PipelineOptions> options)
    {
        _capacity = (int)Math.Max(1, options.Value.WorkingMemoryBytes / Unit);
        _units = new SemaphoreSlim(_capacity, _capacity);
    }

    /// <summary>What rendering an article's page holds: the page is built whole in memory (its text, then its UTF-8 bytes), about six bytes per character of body.</summary>
    public static long PageBytes(Articles.ParsedArticle content) =>
        6 * (content.Paragraphs.Sum(p => (long)p.Length) + content.Summary.Sum(s => (long)s.Length));

    /// <summary>Waits until <paramref name="bytes"/> fit in the budget (a file larger than the whole budget takes all of it) and holds them until disposed.</summary>
    public async Task<IDisposable> EnterAsync(long bytes, CancellationToken cancellationToken)
    {
        var units = (int)Math.Clamp((bytes + Unit - 1) / Unit, 1, _capacity);
        if (units == 1)
        {
            // A single unit is taken whole or not at all, so it cannot deadlock and need not queue behind a large file.
            await _units.WaitAsync(cancellationToken);
            return new Lease(_units, 1);
        }

        // One caller gathers units at a time, so two large files never each hold half of the budget and wait forever.
        await _taking.WaitAsync(cancellationToken);
        var taken = 0;
        try
        {
            for (; taken < units; taken++)
            {
                await _units.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            if (taken > 0)
            {
                _units.Release(taken);
            }

            throw;
        }
        finally
        {
            _taking.Release();
        }

        return new Lease(_units, units);
    }

    private sealed class Lease(SemaphoreSlim units, int count) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                units.Release(count);
            }
        }
    }
}
