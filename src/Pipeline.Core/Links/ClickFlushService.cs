using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Links;

/// <summary>Flushes the click counts every <see cref="ShortLinkOptions.ClickFlushInterval"/>, and once more on shutdown.</summary>
public sealed class ClickFlushService(ClickCounter counter, IOptions<ShortLinkOptions> options, ILogger<ClickFlushService> logger) : BackgroundService
{
    private static readonly TimeSpan ShutdownFlushLimit = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClickFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ShutdownFlushLimit);
        await FlushAsync(limit.Token);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var written = await counter.FlushAsync(cancellationToken);
            if (written > 0)
            {
                logger.LogDebug("Stored {ClickCount} clicks", written);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Click flush cut short by shutdown; unflushed clicks of this instance are lost");
        }
    }
}
