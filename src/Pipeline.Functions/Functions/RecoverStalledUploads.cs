using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;

namespace Pipeline.Functions.Functions;

/// <summary>Timer: uploads that have shown no progress for ten minutes (a lost event, a host that went away) are ingested again.</summary>
public sealed class RecoverStalledUploads(UploadRecovery recovery, ILogger<RecoverStalledUploads> logger)
{
    /// <summary>Every five minutes.</summary>
    public const string Schedule = "0 */5 * * * *";

    /// <summary>Longer than any healthy ingest, including the trigger's own retries.</summary>
    public static readonly TimeSpan StalledFor = TimeSpan.FromMinutes(10);

    [Function(nameof(RecoverStalledUploads))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var recovered = await recovery.RecoverAsync(StalledFor, cancellationToken);
        if (recovered.Count > 0)
        {
            logger.LogWarning("Re-ingested {Count} stalled uploads", recovered.Count);
        }
    }
}
