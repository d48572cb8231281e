using Pipeline.Functions.Functions;

namespace Pipeline.DevHost.Triggers;

/// <summary>
/// The timer functions, run on their schedule's period. The WebJobs timer extension that is served here predates the
/// storage host package and cannot load beside it, so the local host keeps the clock itself.
/// </summary>
public sealed class TimerTriggers(IServiceProvider services, ILogger<TimerTriggers> logger) : BackgroundService
{
    /// <summary>Period of <see cref="PublishScheduled.Schedule"/> (second 0 of every minute).</summary>
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>The timer functions this class runs.</summary>
    public static IReadOnlyList<string> Functions { get; } = [nameof(PublishScheduled)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                var function = ActivatorUtilities.GetServiceOrCreateInstance<PublishScheduled>(services);
                await function.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("{Function} failed: {Reason}", nameof(PublishScheduled), ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
