using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/links/{code}/qr[?format=png]</c>: the QR code of the short URL, SVG by default.</summary>
public sealed class GetShortLinkQrCode(ShortLinkService links, ManagementAccess access)
{
    [Function(nameof(GetShortLinkQrCode))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/links/{code}/qr")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await links.QrCodeAsync(code, request.Query["format"], cancellationToken);
        if (!result.Succeeded)
        {
            return ApiResults.Error(result.Error!);
        }

        // The short URL of a code never changes, so neither does its picture.
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=86400";
        return new FileContentResult(result.Value!.Content, result.Value.ContentType);
    }
}
