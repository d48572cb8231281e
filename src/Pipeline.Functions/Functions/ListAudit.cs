using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Audit;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/audit?top=</c>: who uploaded, approved, rejected, published again, unpublished, retried or changed a link, newest first (the last twelve months).</summary>
public sealed class ListAudit(IAuditLog log, ManagementAccess access)
{
    private const int DefaultTop = 50;
    private const int Months = 12;

    [Function(nameof(ListAudit))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!TopQuery.TryRead(request, DefaultTop, out var top, out var invalid))
        {
            return invalid;
        }

        var entries = await log.RecentAsync(top, Months, cancellationToken);
        return new OkObjectResult(new { entries = entries.Select(AuditView.From) });
    }
}
