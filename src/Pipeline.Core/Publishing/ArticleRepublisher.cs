using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Renders articles again whose content did not change (after a theme or template change, or to repair a page):
/// marks each one as not rendered and queues its render, so the ordinary render path rewrites its page and the pages
/// listing it. Progress is visible as <see cref="ArticleRecord.RenderedVersion"/> catching up with the version again.
/// </summary>
public sealed class ArticleRepublisher(IArticleStore articles, ArticleQueries queries, IRenderQueue renderQueue, ILogger<ArticleRepublisher> logger)
{
    private const int MaxConcurrencyRetries = 8;
    private const int Parallelism = 8;

    /// <summary>Queues one article's render whatever its state; null when there is no such article.</summary>
    public async Task<ArticleRecord?> RepublishAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIds.IsValidExplicit(id))
        {
            return null;
        }

        return await ConflictRetry.RunAsync(async _ =>
        {
            var record = await articles.GetAsync(id, cancellationToken);
            if (record is null)
            {
                return null;
            }

            // Only a fully rendered article is reset: one with a render pending keeps the version readers see, which
            // the renderer compares against (tags the live page had), and its queued render does the work. A conflict
            // (ingest or a render wrote the record meanwhile) reads it again.
            if (record.RenderedVersion >= record.Version)
            {
                record = await articles.SaveAsync(record with { RenderedVersion = 0 }, cancellationToken, newVersion: false);
            }

            await renderQueue.EnqueueAsync(new RenderRequest(record.Id, record.Version), cancellationToken);
            return record;
        }, MaxConcurrencyRetries, cancellationToken);
    }

    /// <summary>Queues the render of every published article, or of one section's; returns the articles queued.</summary>
    public async Task<IReadOnlyList<ArticleRecord>> RepublishListingAsync(string? section, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? continuation = null;
        do
        {
            var page = await queries.ListAsync(section, tag: null, month: null, ArticleQueries.MaxTop, continuation, cancellationToken);
            ids.AddRange(page.Items.Select(a => a.Id));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        var queued = new ArticleRecord?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => queued[i] = await RepublishAsync(ids[i], ct));

        logger.LogInformation("Republish of {Section} queued {ArticleCount} articles", section is { Length: > 0 } ? section : "every section", ids.Count);
        return queued.OfType<ArticleRecord>().ToList();
    }
}
