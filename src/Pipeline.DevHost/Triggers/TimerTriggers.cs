using NCrontab;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Functions;

namespace Pipeline.DevHost.Triggers;

/// <summary>
/// The timer functions, run at the times their own NCRONTAB schedules (the <c>[TimerTrigger]</c> attribute, six fields
/// with seconds, in UTC as on Flex Consumption) name, read with NCrontab as the Functions host reads them: the same
/// wall-clock times as in Azure. The WebJobs timer extension that is served here predates the storage host package and
/// cannot load beside it, so the local host keeps the clock itself. On start it also resumes uploads the previous run
/// left unfinished, instead of waiting for the first recovery sweep, and every few seconds it ingests uploads the
/// polling blob trigger has not started on: its container scan can skip blobs committed while it lists (a large upload
/// finishing during a scan), which Azure's Event Grid trigger does not suffer from.
/// </summary>
public sealed class TimerTriggers(IServiceProvider services, TriggerActivity activity, ILogger<TimerTriggers> logger) : BackgroundService
{
    private sealed record Timer(FunctionEntry Function, CrontabSchedule Schedule);

    private static readonly Timer[] Timers = FunctionCatalog.Timers.Select(f => new Timer(f, Parse(f.Timer!.Schedule))).ToArray();

    /// <summary>A schedule as the Functions host reads it: six fields, the first the seconds.</summary>
    public static CrontabSchedule Parse(string schedule) =>
        CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    /// <summary>When a schedule next fires after <paramref name="after"/> (UTC).</summary>
    public static DateTimeOffset NextRun(string schedule, DateTimeOffset after) =>
        new(Parse(schedule).GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);

    /// <summary>How often the local host looks for uploads the blob trigger skipped.</summary>
    private static readonly TimeSpan UnseenSweepPeriod = TimeSpan.FromSeconds(3);

    /// <summary>
    /// An upload with no status this long after it was written, while the trigger has started nothing for as long, was
    /// skipped: the trigger picks up a new blob within a second or two and writes a status first thing. While the
    /// trigger is busy (a burst queues uploads inside it) the sweep waits, so nothing is ingested twice for nothing.
    /// </summary>
    private static readonly TimeSpan UnseenFor = TimeSpan.FromSeconds(5);

    /// <summary>The timer functions this class runs.</summary>
    public static IReadOnlyList<string> Functions { get; } = Timers.Select(t => t.Function.Name).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resumed = await RunAsync("resume", () => services.GetRequiredService<UploadRecovery>().RecoverAsync(TimeSpan.Zero, stoppingToken));
        if (resumed is { Count: > 0 })
        {
            logger.LogInformation("Resumed {Count} uploads left unfinished by the previous run", resumed.Count);
        }

        var loops = Timers.Select(t => ScheduleAsync(t, stoppingToken)).ToList();
        loops.Add(LoopAsync("unseen upload sweep", UnseenSweepPeriod, async () =>
        {
            if (activity.QuietFor < UnseenFor)
            {
                return 0;
            }

            var unseen = await services.GetRequiredService<UploadRecovery>().IngestUnseenAsync(UnseenFor, stoppingToken);
            if (unseen.Count > 0)
            {
                logger.LogWarning("Ingested {Count} uploads the blob trigger skipped", unseen.Count);
            }

            return unseen.Count;
        }, stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task LoopAsync(string name, TimeSpan period, Func<Task<int>> run, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period);
        do
        {
            await RunAsync(name, run);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScheduleAsync(Timer timer, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            var next = new DateTimeOffset(timer.Schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunAsync(timer.Function.Name, () => InvokeAsync(timer.Function, stoppingToken));
        }
    }

    private async Task<int> InvokeAsync(FunctionEntry function, CancellationToken cancellationToken)
    {
        var instance = ActivatorUtilities.GetServiceOrCreateInstance(services, function.Type);
        await (Task)function.Method.Invoke(instance, [new Microsoft.Azure.Functions.Worker.TimerInfo(), cancellationToken])!;
        return 0;
    }

    private async Task<T?> RunAsync<T>(string name, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("{Function} failed: {Reason}", name, ex.Message);
            return default;
        }
    }
}
