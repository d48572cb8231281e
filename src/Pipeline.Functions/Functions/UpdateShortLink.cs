using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>PATCH /api/links/{code}</c>: changes a link's target, title or expiry.</summary>
public sealed class UpdateShortLink(ShortLinkService links, AuditTrail audit, ILogger<UpdateShortLink> logger, ManagementAccess access)
{
    [Function(nameof(UpdateShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/links/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<ShortLinkUpdate>(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var result = await links.UpdateAsync(code, body, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Updated short link {Code}", result.Value!.Code);
            await audit.RecordAsync(RequestActor.Of(request), AuditActions.LinkEdited, AuditSubjectKind.Link, result.Value.Code, body.Describe(), cancellationToken);
        }

        return ApiResults.Ok(result, link => ShortLinkView.From(link, links));
    }
}
