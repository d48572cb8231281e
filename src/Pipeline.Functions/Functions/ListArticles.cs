using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/articles?section=&amp;tag=&amp;month=&amp;top=&amp;continuation=</c>: published articles, newest first, paged.</summary>
public sealed class ListArticles(ArticleQueries queries, PublicUrls urls, ManagementAccess access)
{
    private const int DefaultTop = 20;

    [Function(nameof(ListArticles))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/articles")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        var query = request.Query;
        if (!TopQuery.TryRead(request, DefaultTop, out var top, out var invalid))
        {
            return invalid;
        }

        var page = await queries.ListAsync(query["section"], query["tag"], query["month"], top, query["continuation"], cancellationToken);
        return new OkObjectResult(new { items = page.Items.Select(a => ArticleListItem.From(a, urls)), continuation = page.Continuation });
    }
}
