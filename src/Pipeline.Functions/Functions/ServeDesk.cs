using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Pipeline.Functions.Functions;

/// <summary>
/// <c>GET /desk/{file}</c>: the editors' desk, a static page on the function app's own origin, so its calls to the API
/// need no CORS. The page holds no data: everything it shows comes from management calls made with the editor's key.
/// One segment only (<c>desk/{file}</c>), so the route can never match what <c>{code}</c> matches; <c>/desk</c> itself
/// is a reserved code that the redirect sends here.
/// </summary>
public sealed class ServeDesk(Storage.StorageClients storage, Microsoft.Extensions.Options.IOptions<Access.AccessOptions> access)
{
    public const string EntryPath = "/desk/index.html";

    /// <summary>
    /// Stricter than the site's: the desk loads nothing from elsewhere and may not be framed. It connects to its own
    /// origin (the API), to the blob endpoint of the storage account, where uploads go straight from the browser, and,
    /// with Entra sign-in on, to the sign-in host, where it redeems the sign-in code for a token.
    /// </summary>
    public string ContentSecurityPolicy { get; } = PolicyFor(storage.BlobService.Uri, access.Value.EntraEnabled ? access.Value.EntraInstance : null);

    public static string PolicyFor(Uri blobEndpoint, Uri? signIn = null) =>
        $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' {blobEndpoint.GetLeftPart(UriPartial.Authority)}"
        + (signIn is null ? "" : " " + signIn.GetLeftPart(UriPartial.Authority))
        + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (byte[] Body, string ContentType)> Files = Load();

    [Function(nameof(ServeDesk))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "desk/{file}")] HttpRequest request,
        string file)
    {
        if (!Files.TryGetValue(file, out var asset))
        {
            return new NotFoundResult();
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // A new deployment's desk must reach editors at once; the files are small.
        headers.CacheControl = "no-cache";
        return new FileContentResult(asset.Body, asset.ContentType);
    }

    private static FrozenDictionary<string, (byte[] Body, string ContentType)> Load()
    {
        var assembly = typeof(ServeDesk).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Desk/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var file = name["Desk/".Length..];
            files[file] = (copy.ToArray(), Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            });
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
