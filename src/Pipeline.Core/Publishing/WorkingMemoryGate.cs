using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Caps the memory that ingests and page renders on one instance hold at once (<see cref="PipelineOptions.WorkingMemoryBytes"/>).
/// Triggers run many of them side by side; an ingest holds its file several times over while parsing and storing it, a
/// render holds the article and its page, so fifty 10 MB uploads arriving together wait their turn here instead of
/// growing the process past its memory. The budget is counted in 64 KB units by the BCL's concurrency limiter, which
/// takes all of a caller's units at once or none (two large files can never each hold half the budget and wait for
/// ever) and serves waiting callers in arrival order (a large file is never starved by a stream of small ones).
/// </summary>
public sealed class WorkingMemoryGate
{
    private const int Unit = 64 * 1024;
    private readonly ConcurrencyLimiter _units;
    private readonly int _capacity;

    public WorkingMemoryGate(IOptions<PipelineOptions> options)
    {
        _capacity = (int)Math.Max(1, options.Value.WorkingMemoryBytes / Unit);
        _units = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _capacity,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>What rendering an article's page holds: the page is built whole in memory (its text, then its UTF-8 bytes), about six bytes per character of body.</summary>
    public static long PageBytes(Articles.ParsedArticle content) =>
        6 * (content.Paragraphs.Sum(p => (long)p.Length) + content.Summary.Sum(s => (long)s.Length));

    /// <summary>Waits until <paramref name="bytes"/> fit in the budget (a file larger than the whole budget takes all of it) and holds them until disposed.</summary>
    public async Task<IDisposable> EnterAsync(long bytes, CancellationToken cancellationToken)
    {
        var units = (int)Math.Clamp((bytes + Unit - 1) / Unit, 1, _capacity);
        var lease = await _units.AcquireAsync(units, cancellationToken);
        if (!lease.IsAcquired)
        {
            // The queue is unbounded and no request asks for more than the whole budget, so this does not happen.
            lease.Dispose();
            throw new InvalidOperationException($"the working-memory budget refused {units} units");
        }

        return lease;
    }
}
