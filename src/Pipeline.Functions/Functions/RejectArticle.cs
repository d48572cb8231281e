using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>POST /api/articles/{id}/reject</c>: turns down an article held for review; it never goes live from a later upload.</summary>
public sealed class RejectArticle(ArticleIngestor publishing, PublicUrls urls, AuditTrail audit, ManagementAccess access)
{
    [Function(nameof(RejectArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/articles/{id}/reject")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = ArticleIds.IsValidExplicit(id) ? await publishing.RejectAsync(id, cancellationToken) : null;
        if (outcome is { Article: not null, WasHeld: true })
        {
            await audit.RecordAsync(RequestActor.Of(request), AuditActions.Rejected, AuditSubjectKind.Article, id, null, cancellationToken);
        }

        return ReviewResults.Of(outcome, id, urls);
    }
}
