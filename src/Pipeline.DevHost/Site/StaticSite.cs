using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Storage;

namespace Pipeline.DevHost.Site;

/// <summary>
/// Serves the <c>$web</c> container the way the storage static-website endpoint does: <c>/</c> and <c>/a/b/</c> map to
/// <c>index.html</c> documents, a missing file gets <c>404.html</c> with status 404.
/// </summary>
public sealed class StaticSite(StorageClients clients, ILogger<StaticSite> logger)
{
    private const string IndexDocument = "index.html";
    private const string NotFoundDocument = "404.html";

    /// <summary>What the local host compresses: the text types among Front Door's default compressed MIME types that the site has.</summary>
    public static IReadOnlyList<string> CompressedTypes { get; } =
        ["text/html", "text/css", "text/javascript", "text/plain", "application/json", "application/xml", "application/rss+xml", "application/atom+xml", "image/svg+xml"];

    public async Task ServeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        foreach (var name in Candidates(context.Request.Path.Value ?? "/"))
        {
            if (await TryServeAsync(context, name, StatusCodes.Status200OK))
            {
                return;
            }
        }

        if (!await TryServeAsync(context, NotFoundDocument, StatusCodes.Status404NotFound))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Not found");
        }
    }

    /// <summary>Blob names a request path may mean; none for paths that try to leave the site.</summary>
    public static IEnumerable<string> Candidates(string path)
    {
        var trimmed = path.TrimStart('/');
        var segments = trimmed.Split('/');
        if (segments.Any(s => s is "." or "..") || trimmed.Contains('\\') || trimmed.Any(char.IsControl))
        {
            yield break;
        }

        if (trimmed.Length == 0 || trimmed.EndsWith('/'))
        {
            yield return trimmed + IndexDocument;
            yield break;
        }

        yield return trimmed;
        yield return trimmed + "/" + IndexDocument;
    }

    private async Task<bool> TryServeAsync(HttpContext context, string blobName, int status)
    {
        var blob = clients.Site.GetBlobClient(blobName);
        try
        {
            var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
            var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions(), context.RequestAborted);
            var details = download.Value.Details;
            var etag = details.ETag.ToString("H");
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = details.CacheControl ?? "no-cache";
            context.Response.ContentType = details.ContentType ?? "application/octet-stream";
            if (status == StatusCodes.Status200OK && ifNoneMatch.Length > 0 && ifNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                await download.Value.Content.DisposeAsync();
                return true;
            }

            context.Response.StatusCode = status == StatusCodes.Status200OK
                && details.Metadata.TryGetValue(Core.Publishing.SiteFile.StatusMetadata, out var stored) && int.TryParse(stored, out var code)
                    ? code
                    : status;
            context.Response.ContentLength = details.ContentLength;
            await using var content = download.Value.Content;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            logger.LogDebug("No site file {BlobName}", blobName);
            return false;
        }
    }
}
