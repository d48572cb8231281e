namespace Pipeline.DevHost.Triggers;

/// <summary>
/// When the blob trigger last started an ingest. The skipped-upload sweep waits until the trigger has been quiet for a
/// moment, so uploads still queued inside the trigger during a burst are not ingested a second time by the sweep.
/// </summary>
public sealed class TriggerActivity(TimeProvider clock)
{
    private long _lastStartTicks = clock.GetUtcNow().UtcTicks;

    public void IngestStarted() => Interlocked.Exchange(ref _lastStartTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>Time since the trigger last started an ingest (or since the host started).</summary>
    public TimeSpan QuietFor => clock.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _lastStartTicks), TimeSpan.Zero);
}
