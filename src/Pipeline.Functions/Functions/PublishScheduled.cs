using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;

namespace Pipeline.Functions.Functions;

/// <summary>Timer: publishes articles held by a <c>publishAt</c> time once it has come.</summary>
public sealed class PublishScheduled(ArticleIngestor publishing, ILogger<PublishScheduled> logger)
{
    /// <summary>Every minute: a held article goes live at most a minute late.</summary>
    public const string Schedule = "0 * * * * *";

    [Function(nameof(PublishScheduled))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var count = await publishing.PublishAllDueAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Published {Count} scheduled articles", count);
        }
    }
}
