using Microsoft.Extensions.Options;
using Pipeline.Core.Publishing;

namespace Pipeline.Core.Tests.Publishing;

public sealed class WorkingMemoryGateTests
{
    private const long Megabyte = 1024 * 1024;

    private static WorkingMemoryGate Gate(long bytes) => new(Options.Create(new PipelineOptions { WorkingMemoryBytes = bytes }));

    [Fact]
    public async Task EnterAsync_FilesWithinTheBudget_AllGoThroughAtOnce()
    {
        var gate = Gate(32 * Megabyte);

        using var a = await gate.EnterAsync(10 * Megabyte, CancellationToken.None);
        using var b = await gate.EnterAsync(10 * Megabyte, CancellationToken.None);
        var c = gate.EnterAsync(10 * Megabyte, CancellationToken.None);

        Assert.True(c.IsCompletedSuccessfully);
        (await c).Dispose();
    }

    [Fact]
    public async Task EnterAsync_BudgetTaken_WaitsUntilAnEarlierFileIsDone()
    {
        var gate = Gate(16 * Megabyte);
        var first = await gate.EnterAsync(10 * Megabyte, CancellationToken.None);

        var second = gate.EnterAsync(10 * Megabyte, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_ALargeFileWaiting_IsServedBeforeSmallerOnesThatCameLater()
    {
        var gate = Gate(16 * Megabyte);
        var first = await gate.EnterAsync(10 * Megabyte, CancellationToken.None);

        var large = gate.EnterAsync(12 * Megabyte, CancellationToken.None);
        var small = gate.EnterAsync(64 * 1024, CancellationToken.None);
        await Task.Delay(100);
        // Room for the small one is free, but the large one came first: it is not starved by a stream of small ones.
        Assert.False(small.IsCompleted);

        first.Dispose();
        var largeLease = await large.WaitAsync(TimeSpan.FromSeconds(10));
        (await small.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        largeLease.Dispose();
    }

    [Fact]
    public async Task EnterAsync_FileLargerThanTheBudget_TakesAllOfItInsteadOfWaitingForever()
    {
        var gate = Gate(4 * Megabyte);

        var whole = await gate.EnterAsync(10 * Megabyte, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var small = gate.EnterAsync(1024, CancellationToken.None);
        Assert.False(small.IsCompleted);

        whole.Dispose();
        (await small.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_GivesBackWhatItHadGathered()
    {
        var gate = Gate(16 * Megabyte);
        var held = await gate.EnterAsync(10 * Megabyte, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        // Gathers the 6 MB that are free, then waits for the rest; cancelling must return those 6 MB.
        var waiting = gate.EnterAsync(12 * Megabyte, cancel.Token);
        await Task.Delay(100);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var fits = gate.EnterAsync(6 * Megabyte, CancellationToken.None);
        Assert.True(fits.IsCompletedSuccessfully);
        (await fits).Dispose();
        held.Dispose();
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnlyOnce()
    {
        var gate = Gate(16 * Megabyte);
        var lease = await gate.EnterAsync(10 * Megabyte, CancellationToken.None);
        using var other = await gate.EnterAsync(6 * Megabyte, CancellationToken.None);

        lease.Dispose();
        lease.Dispose();

        var next = gate.EnterAsync(12 * Megabyte, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        other.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }
}
