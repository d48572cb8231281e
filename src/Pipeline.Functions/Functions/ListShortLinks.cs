using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/links?tag=&amp;top=&amp;continuation=</c>: links newest first, a page at a time.</summary>
public sealed class ListShortLinks(ShortLinkService links, ManagementAccess access)
{
    [Function(nameof(ListShortLinks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/links")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var query = request.Query;
        var result = await links.ListAsync(query["tag"], query["top"], query["continuation"], cancellationToken);
        return ApiResults.Ok(result, page => new { links = page.Links.Select(l => ShortLinkView.From(l, links)), continuation = page.Continuation });
    }
}
