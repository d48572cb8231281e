using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Audit;
using Pipeline.Functions.Http;
using Pipeline.Storage.Queues;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/poison</c>: what the triggers gave up on, peeked so that looking removes nothing; and
/// <c>POST /api/poison/{queue}/{id}/retry</c>: a render back on the render queue, or an upload ingested again, and
/// only then the message deleted.
/// </summary>
public sealed class ListPoison(PoisonQueues poison, ManagementAccess access)
{
    [Function(nameof(ListPoison))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/poison")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        return new OkObjectResult(new { queues = await poison.PeekAsync(cancellationToken) });
    }
}

/// <inheritdoc cref="ListPoison"/>
public sealed class RetryPoison(PoisonQueues poison, AuditTrail audit, ManagementAccess access)
{
    [Function(nameof(RetryPoison))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/poison/{queue}/{id}/retry")] HttpRequest request,
        string queue,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var retried = await poison.RetryAsync(queue, id, cancellationToken);
        if (retried is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no message '{id}' in '{queue}': it may have been retried already");
        }

        if (retried.Kind == PoisonMessage.OtherKind)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, "not_retryable", "the message is neither a render nor an upload; it stays in the queue for an operator");
        }

        var actor = RequestActor.Of(request);
        if (retried.Upload is { } upload)
        {
            await audit.RecordAsync(actor, AuditActions.Retried, AuditSubjectKind.Upload, upload, "from the poison queue", cancellationToken);
        }

        await audit.RecordAllAsync(actor, AuditActions.Republished, AuditSubjectKind.Article, retried.ArticleIds.Select(a => (a, (string?)"from the poison queue")), cancellationToken);

        return new OkObjectResult(new { retried });
    }
}
