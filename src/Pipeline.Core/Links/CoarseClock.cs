namespace Pipeline.Core.Links;

/// <summary>
/// The time to the second, refreshed by a timer: on sandboxed hosts a clock read traps into the kernel and cost more
/// than the rest of a cached redirect, so the redirect path reads this instead (TTLs, expiry and click days need no
/// finer time).
/// </summary>
public sealed class CoarseClock : IDisposable
{
    public static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private long _utcTicks;

    public CoarseClock(TimeProvider clock)
    {
        _clock = clock;
        Refresh();
        _timer = clock.CreateTimer(static state => ((CoarseClock)state!).Refresh(), this, Resolution, Resolution);
    }

    /// <summary>UTC now in ticks, at most <see cref="Resolution"/> behind.</summary>
    public long UtcTicks => Volatile.Read(ref _utcTicks);

    /// <summary>Today's <see cref="DateOnly.DayNumber"/> (UTC).</summary>
    public int DayNumber => (int)(UtcTicks / TimeSpan.TicksPerDay);

    public void Dispose() => _timer.Dispose();

    private void Refresh() => Volatile.Write(ref _utcTicks, _clock.GetUtcNow().UtcTicks);
}
