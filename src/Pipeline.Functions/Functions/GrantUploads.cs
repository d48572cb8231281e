using Pipeline.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Http;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>POST /api/upload-grants</c> <c>{section?, files: [{name, size?}]}</c>: for each file the upload name it becomes
/// (<c>{section}/{name}</c>) and an address the caller's browser writes it to directly (<c>PUT</c> with
/// <c>x-ms-blob-type: BlockBlob</c>), valid 15 minutes for that one name; or why the file may not be uploaded.
/// </summary>
/// <remarks>
/// A route of its own rather than below <c>api/uploads/</c>: the retry function's <c>api/uploads/{*path}</c> takes every
/// POST there, and the Functions host would hand it whichever it registered first.
/// </remarks>
public sealed class GrantUploads(UploadGrantService grants, AuditTrail audit, ILogger<GrantUploads> logger, ManagementAccess access)
{
    public sealed record Request(string? Section, List<UploadGrantFile?>? Files);

    public sealed record Item(int Index, string? Name, Uri? Url, ApiError? Error);

    [Function(nameof(GrantUploads))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/upload-grants")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.RefuseAsync(request, DeskRole.Editor, cancellationToken) is { } denied)
        {
            return denied;
        }

        var (body, error) = await JsonBody.ReadAsync<Request>(request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var (batch, code, refused) = await grants.RequestAsync(body.Section, body.Files, cancellationToken);
        if (batch is null)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, code!, refused!);
        }

        var items = batch.Items;
        logger.LogInformation("Upload grants: {Granted} of {Count} files", batch.Granted, items.Count);
        await audit.RecordAllAsync(RequestActor.Of(request), AuditActions.UploadGranted, AuditSubjectKind.Upload,
            items.Where(i => i.Url is not null).Select(i => (i.Name!, (string?)"from the desk")), cancellationToken);
        return new OkObjectResult(new
        {
            expiresAt = batch.ExpiresAt,
            granted = batch.Granted,
            refused = items.Count - batch.Granted,
            // What the browser sends with each PUT; the storage account's CORS rules allow exactly these.
            headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" },
            items = items.Select(i => new Item(i.Index, i.Name, i.Url, i.ErrorCode is null ? null : new ApiError(i.ErrorCode, i.Error!))),
        });
    }
}
