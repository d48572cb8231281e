using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;
using Pipeline.Storage;

namespace Pipeline.Functions.Functions;

/// <summary>Queue trigger: writes an article's page (or an upload's articles' pages) and the pages listing them to the static site.</summary>
public sealed class RenderArticle(IArticleRenderer renderer, ILogger<RenderArticle> logger)
{
    [Function(nameof(RenderArticle))]
    public async Task Run(
        [QueueTrigger(StorageNames.RenderQueue, Connection = StorageNames.Connection)] RenderRequest request,
        CancellationToken cancellationToken)
    {
        var written = await renderer.RenderAsync(request, cancellationToken);
        if (request.Listings)
        {
            logger.LogInformation("Refreshed listings: {FileCount} files", written.Count);
        }
        else if (request.Articles is { Count: > 0 } batch)
        {
            logger.LogInformation("Rendered {Count} articles: {FileCount} files", batch.Count, written.Count);
        }
        else
        {
            logger.LogInformation("Rendered {ArticleId} v{Version}: {FileCount} files", request.ArticleId, request.Version, written.Count);
        }
    }
}
