using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Links;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>POST /api/links/bulk</c>: shortens up to 100 URLs (a JSON array), answering per item.</summary>
public sealed class CreateShortLinks(ShortLinkService links, AuditTrail audit, ILogger<CreateShortLinks> logger, ManagementAccess access)
{
    [Function(nameof(CreateShortLinks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/links/bulk")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<List<ShortLinkRequest?>>(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var result = await links.CreateManyAsync(body, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiResults.Error(result.Error!);
        }

        var items = result.Value!.Items.Select((item, index) => item.Succeeded
            ? new BulkItemView(index, StatusCodes.Status201Created, ShortLinkView.From(item.Value!, links), null)
            : new BulkItemView(index, ApiResults.StatusOf(item.Error!.Code), null, new ApiError(item.Error.Code, item.Error.Message))).ToList();
        var created = items.Count(i => i.Link is not null);
        logger.LogInformation("Bulk create: {Created} of {Count} links created", created, items.Count);
        await audit.RecordAllAsync(RequestActor.Of(request), AuditActions.LinkCreated, AuditSubjectKind.Link,
            items.Select(i => i.Link).OfType<ShortLinkView>().Select(l => (l.Code, (string?)l.Url)), cancellationToken);
        return new OkObjectResult(new { created, failed = items.Count - created, items });
    }
}
