using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/links/{code}</c>: a link's details and stored click figures.</summary>
public sealed class GetShortLink(ShortLinkService links, ManagementAccess access)
{
    [Function(nameof(GetShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/links/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await links.GetAsync(code, cancellationToken);
        return ApiResults.Ok(result, details => ShortLinkView.From(details.Link, links, details.Clicks));
    }
}
