using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>DELETE /api/links/{code}</c>: archives a link; its code stays taken and its redirect answers 410.</summary>
public sealed class ArchiveShortLink(ShortLinkService links, AuditTrail audit, ILogger<ArchiveShortLink> logger, ManagementAccess access)
{
    [Function(nameof(ArchiveShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/links/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await links.ArchiveAsync(code, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Archived short link {Code}", result.Value!.Code);
            await audit.RecordAsync(RequestActor.Of(request), AuditActions.LinkArchived, AuditSubjectKind.Link, result.Value.Code, null, cancellationToken);
        }

        return ApiResults.Ok(result, link => ShortLinkView.From(link, links));
    }
}
