using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Functions;

/// <summary><c>GET /api/uploads/{name}</c>: received, published (with its articles), failed (with the reason) or retrying.</summary>
public sealed class GetUploadStatus(ArticleQueries queries, PublicUrls urls)
{
    [Function(nameof(GetUploadStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/uploads/{*name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
    {
        var upload = await queries.GetUploadAsync(Uri.UnescapeDataString(name ?? string.Empty), cancellationToken);
        return upload is { } found
            ? new OkObjectResult(UploadResponse.From(found.Status, found.Articles, urls))
            : ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no upload named '{name}' has been seen");
    }
}
