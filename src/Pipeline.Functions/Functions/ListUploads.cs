using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/uploads?top=</c>: the most recently updated uploads with their state and reason, newest first.</summary>
public sealed class ListUploads(ArticleQueries queries)
{
    private const int DefaultTop = 20;

    [Function(nameof(ListUploads))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/uploads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var top = DefaultTop;
        if (request.Query.TryGetValue("top", out var topText) && (!int.TryParse(topText, out top) || top < 1 || top > ArticleQueries.MaxTop))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_top", $"top must be a number from 1 to {ArticleQueries.MaxTop}");
        }

        var uploads = await queries.ListUploadsAsync(top, cancellationToken);
        return new OkObjectResult(new { uploads = uploads.Select(UploadListItem.From) });
    }
}
