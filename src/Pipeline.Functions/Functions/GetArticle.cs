using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/articles/{id}</c>: one article with its content, version history and who did what to it.</summary>
public sealed class GetArticle(ArticleQueries queries, PublicUrls urls, Core.Audit.AuditTrail audit, ManagementAccess access)
{
    [Function(nameof(GetArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await queries.GetArticleAsync(id, cancellationToken);
        if (found is not { } article)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no article '{id}'");
        }

        var history = await audit.ArticleHistoryAsync(id, article.Record.SourceBlob, 50, cancellationToken);
        return new OkObjectResult(new
        {
            article = ArticleResponse.From(article.Record, urls),
            content = article.Content,
            versions = article.Versions,
            audit = history.Select(AuditView.From),
        });
    }
}
