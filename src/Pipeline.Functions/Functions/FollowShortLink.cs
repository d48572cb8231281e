using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /{code}</c>: the redirect readers follow.</summary>
public sealed class FollowShortLink(ShortLinkService links)
{
    [Function(nameof(FollowShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        var link = await links.ResolveAsync(code, cancellationToken);
        if (link is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no short link '{code}'");
        }

        // 302, not 301: browsers keep 301s for good, so a later edit of the target would never reach them.
        request.HttpContext.Response.Headers.CacheControl = "private, max-age=60";
        return new RedirectResult(link.Url, permanent: false);
    }
}
