using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/articles/{id}/approve</c> <c>{headline?, summary?, caption?, credit?, byline?}</c>: publishes an article
/// held for review, with the corrections given; they stick across later uploads of the same file.
/// </summary>
public sealed class ApproveArticle(ArticleIngestor publishing, PublicUrls urls, AuditTrail audit, ManagementAccess access)
{
    [Function(nameof(ApproveArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/articles/{id}/approve")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Publisher, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (body, error) = await JsonBody.ReadAsync<ArticleCorrections>(request, cancellationToken, optional: true);
        if (error is not null)
        {
            return error;
        }

        var (corrections, invalid) = CorrectionRules.Check(body ?? new ArticleCorrections());
        if (corrections is null)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_body", invalid!);
        }

        var outcome = ArticleIds.IsValidExplicit(id) ? await publishing.ApproveAsync(id, corrections, cancellationToken) : null;
        if (outcome is { Article: not null, WasHeld: true })
        {
            await audit.RecordAsync(RequestActor.Of(request), AuditActions.Approved, AuditSubjectKind.Article, id, corrections.Describe(), cancellationToken);
        }

        return ReviewResults.Of(outcome, id, urls);
    }
}
