using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/uploads/{name}/retry</c>: runs an upload through ingest again now (after a fix, or after the trigger
/// gave up) and answers with its new status. Upload names may contain folders, hence the catch-all route.
/// </summary>
public sealed class RetryUpload(IArticleIngestor ingestor, ArticleQueries queries, PublicUrls urls, AuditTrail audit, ManagementAccess access)
{
    private const string Suffix = "/retry";

    [Function(nameof(RetryUpload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/uploads/{*path}")] HttpRequest request,
        string path,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        // The route value arrives decoded once (only an encoded "/" stays as %2F); decoding it again let
        // "..%252F" reach ingest as "../".
        path ??= string.Empty;
        if (!path.EndsWith(Suffix, StringComparison.Ordinal) || path.Length == Suffix.Length)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", "POST /api/uploads/{name}/retry is the only action on uploads");
        }

        var name = path[..^Suffix.Length];
        var result = await ingestor.IngestAsync(name, cancellationToken);
        if (result.Reason == IngestResult.UploadMissing)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"there is no upload named '{name}'");
        }

        await audit.RecordAsync(RequestActor.Of(request), AuditActions.Retried, AuditSubjectKind.Upload, name, result.State.ToString().ToLowerInvariant(), cancellationToken);
        var upload = await queries.GetUploadAsync(name, cancellationToken);
        return new OkObjectResult(UploadResponse.From(upload!.Value.Status, upload.Value.Articles, urls));
    }
}
