using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/uploads/{name}/retry</c>: runs an upload through ingest again now (after a fix, or after the trigger
/// gave up) and answers with its new status. Upload names may contain folders, hence the catch-all route.
/// </summary>
public sealed class RetryUpload(IArticleIngestor ingestor, ArticleQueries queries, IUploadStore uploads, PublicUrls urls)
{
    private const string Suffix = "/retry";

    [Function(nameof(RetryUpload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/uploads/{*path}")] HttpRequest request,
        string path,
        CancellationToken cancellationToken)
    {
        path = Uri.UnescapeDataString(path ?? string.Empty);
        if (!path.EndsWith(Suffix, StringComparison.Ordinal) || path.Length == Suffix.Length)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", "POST /api/uploads/{name}/retry is the only action on uploads");
        }

        var name = path[..^Suffix.Length];
        if (await queries.GetUploadAsync(name, cancellationToken) is null && !await ExistsAsync(name, cancellationToken))
        {
            // Never uploaded and never seen: nothing to retry, and nothing is written (a status row would make the
            // name look like an upload that was deleted).
            return NoSuchUpload(name);
        }

        var result = await ingestor.IngestAsync(name, cancellationToken);
        var upload = await queries.GetUploadAsync(name, cancellationToken);
        return result.Reason == "the upload no longer exists"
            ? NoSuchUpload(name)
            : new OkObjectResult(UploadResponse.From(upload!.Value.Status, upload.Value.Articles, urls));
    }

    private async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        await using var content = await uploads.OpenAsync(name, cancellationToken);
        return content is not null;
    }

    private static IActionResult NoSuchUpload(string name) =>
        ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"there is no upload named '{name}'");
}
