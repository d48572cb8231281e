using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Storage;

namespace Pipeline.Functions.Functions;

/// <summary>
/// Queue trigger: writes an article's page (or an upload's articles' pages) and the pages listing them to the static
/// site. The renderer logs what each kind of request did.
/// </summary>
public sealed class RenderArticle(IArticleRenderer renderer)
{
    [Function(nameof(RenderArticle))]
    public async Task Run(
        [QueueTrigger(StorageNames.RenderQueue, Connection = StorageNames.Connection)] RenderRequest request,
        CancellationToken cancellationToken)
    {
        await renderer.RenderAsync(request, cancellationToken);
    }
}
