using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/articles/{id}/preview</c>: renders the article's page as it would be published (a held article too)
/// and answers the address of the preview, <c>/desk/preview/{token}</c>, valid 15 minutes.
/// </summary>
public sealed class PreviewArticle(ArticlePreviews previews, ManagementAccess access)
{
    [Function(nameof(PreviewArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/articles/{id}/preview")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var preview = await previews.CreateAsync(id, cancellationToken);
        return preview is { } made
            ? new OkObjectResult(new { url = $"{ServePreview.RoutePrefix}{made.Token}", expiresAt = made.ExpiresAt })
            : ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no article '{id}'");
    }
}

/// <summary>
/// <c>GET /desk/preview/{token}</c>: a preview made by <see cref="PreviewArticle"/>, anonymous (a browser tab cannot send
/// the key; the token is 128 random bits, valid 15 minutes), under a policy that runs no script and loads only the
/// site's styles and pictures, never indexed, never cached. Three segments, so it can never match <c>desk/{file}</c>.
/// </summary>
public sealed class ServePreview(ArticlePreviews previews)
{
    public const string RoutePrefix = "/desk/preview/";

    [Function(nameof(ServePreview))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "desk/preview/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        var html = await previews.GetAsync(token, cancellationToken);
        if (html is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", "no such preview: previews last 15 minutes; make a new one at the desk");
        }

        headers.ContentSecurityPolicy = previews.ContentSecurityPolicy;
        return new ContentResult { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }
}
