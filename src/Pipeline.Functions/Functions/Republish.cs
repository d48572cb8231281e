using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/republish</c>: queues a full rebuild of the site (after a template change, or to refresh deep listing
/// pages). Queued rather than run in the request, so a large site is not cut off by the HTTP timeout.
/// </summary>
public sealed class Republish(IRenderQueue queue, ILogger<Republish> logger, ManagementAccess access)
{
    [Function(nameof(Republish))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/republish")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Publisher, cancellationToken) is { } refused)
        {
            return refused;
        }

        await queue.EnqueueAsync(RenderRequest.Rebuild(), cancellationToken);
        logger.LogInformation("Full rebuild of the site queued");
        return new AcceptedResult();
    }
}
