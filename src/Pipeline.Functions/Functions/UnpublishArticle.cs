using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>DELETE /api/articles/{id}</c>: takes an article down; its URL then answers 410 with a removal notice.</summary>
public sealed class UnpublishArticle(ArticleIngestor publishing, PublicUrls urls, AuditTrail audit, ManagementAccess access)
{
    [Function(nameof(UnpublishArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Publisher, cancellationToken) is { } refused)
        {
            return refused;
        }

        var record = ArticleIds.IsValidExplicit(id) ? await publishing.UnpublishAsync(id, cancellationToken) : null;
        if (record is not null)
        {
            await audit.RecordAsync(RequestActor.Of(request), AuditActions.Unpublished, AuditSubjectKind.Article, id, null, cancellationToken);
        }

        return record is null
            ? ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no article '{id}'")
            : new OkObjectResult(ArticleResponse.From(record, urls));
    }
}
