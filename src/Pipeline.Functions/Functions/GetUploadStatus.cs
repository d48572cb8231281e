using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>GET /api/uploads/{name}</c>: received, published (with its articles), failed (with the reason) or retrying; and
/// <c>GET /api/uploads?top=</c>: the most recently updated uploads, newest first; and
/// <c>GET /api/uploads?upload=a&amp;upload=b</c>: those uploads in full, for a client following several at once (the
/// desk), with the names not seen yet apart rather than as one 404 each. Not <c>?name=</c>: the Functions host adds
/// query parameters to a trigger's binding data, so one called <c>name</c> would fill the route's <c>name</c>.
/// </summary>
/// <remarks>
/// One function for both: the Functions host matches routes in the order it registered them, not by which is more
/// specific, and the catch-all <c>{*name}</c> also matches an empty name, so a separate <c>api/uploads</c> function was
/// never reached there (every list call answered 404 "no upload named ''"). Here the empty name is the list.
/// </remarks>
public sealed class GetUploadStatus(ArticleQueries queries, PublicUrls urls, ManagementAccess access)
{
    private const int DefaultTop = 20;

    [Function(nameof(GetUploadStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/uploads/{*name}")] HttpRequest request,
        string? name,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(name))
        {
            return await ListAsync(request, cancellationToken);
        }

        var upload = await queries.GetUploadAsync(name, cancellationToken);
        return upload is { } found
            ? new OkObjectResult(UploadResponse.From(found.Status, found.Articles, urls))
            : ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no upload named '{name}' has been seen");
    }

    private const int MaxNames = 100;

    private async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Query.TryGetValue("upload", out var names) && names.Count > 0)
        {
            return await FindAsync(names.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        }

        if (!TopQuery.TryRead(request, DefaultTop, out var top, out var invalid))
        {
            return invalid;
        }

        var uploads = await queries.ListUploadsAsync(top, cancellationToken);
        return new OkObjectResult(new { uploads = uploads.Select(UploadListItem.From) });
    }

    private async Task<IActionResult> FindAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count is 0 or > MaxNames)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, "invalid_query", $"name between 1 and {MaxNames} uploads with 'upload'");
        }

        var found = await queries.GetUploadsAsync(names, cancellationToken);
        var seen = found.Select(f => f.Status.Name).ToHashSet(StringComparer.Ordinal);
        return new OkObjectResult(new
        {
            uploads = found.Select(f => UploadResponse.From(f.Status, f.Articles, urls)),
            missing = names.Where(n => !seen.Contains(n)),
        });
    }
}
