using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>POST /api/links</c>: shortens a URL.</summary>
public sealed class CreateShortLink(ShortLinkService links, AuditTrail audit, ILogger<CreateShortLink> logger, ManagementAccess access)
{
    [Function(nameof(CreateShortLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/links")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<ShortLinkRequest>(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var result = await links.CreateAsync(body, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiResults.Error(result.Error!);
        }

        var view = ShortLinkView.From(result.Value!, links);
        logger.LogInformation("Created short link {Code}", view.Code);
        await audit.RecordAsync(RequestActor.Of(request), AuditActions.LinkCreated, AuditSubjectKind.Link, view.Code, view.Url, cancellationToken);
        return new CreatedResult(view.ShortUrl, view);
    }
}
