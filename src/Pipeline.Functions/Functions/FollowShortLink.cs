using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /{code}</c>: the redirect readers follow; the short URL's query string is passed on to the target.</summary>
public sealed class FollowShortLink(ShortLinkRedirector redirector, IOptions<ShortLinkOptions> options)
{
    [Function(nameof(FollowShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (string.Equals(code, "desk", StringComparison.OrdinalIgnoreCase))
        {
            // The editors' desk lives at desk/{file}; "desk" is a reserved code, so no link can take this address.
            return new RedirectActionResult(ServeDesk.EntryPath, StatusCodes.Status302Found, "no-cache");
        }

        var client = ClientAddress.Of(request, options.Value.ClientAddressHeader);
        var outcome = await redirector.FollowAsync(code, request.QueryString.Value, request.Headers.UserAgent.ToString(), client, cancellationToken);
        return outcome.Kind switch
        {
            // 302 by default, not 301: browsers keep 301s for good, so a later edit of the target would never reach them.
            RedirectKind.Redirect => new RedirectActionResult(outcome.Location!, options.Value.RedirectStatus, options.Value.CacheControl),
            RedirectKind.NotFound when outcome.NotFoundPage is { } page =>
                new ContentResult { StatusCode = StatusCodes.Status404NotFound, ContentType = "text/html; charset=utf-8", Content = page },
            RedirectKind.NotFound => ApiResults.Error(StatusCodes.Status404NotFound, LinkErrorCodes.NotFound, $"no short link '{code}'"),
            RedirectKind.Limited => new RetryLaterResult(LookupLimiter.RetryAfter),
            _ => ApiResults.Error(StatusCodes.Status410Gone, outcome.Reason!,
                outcome.Reason == LinkErrorCodes.Archived ? $"the link '{code}' was removed" : $"the link '{code}' has expired"),
        };
    }
}
