using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/review?top=&amp;continuation=</c>: articles held for an editor's review, with why each was held.</summary>
public sealed class ListReview(ArticleQueries queries, PublicUrls urls, ManagementAccess access)
{
    private const int DefaultTop = 50;

    [Function(nameof(ListReview))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/review")] HttpRequest request,
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

        var (items, continuation) = await queries.ListReviewAsync(top, request.Query["continuation"], cancellationToken);
        return new OkObjectResult(new { items = items.Select(a => ArticleResponse.From(a, urls)), continuation });
    }
}
