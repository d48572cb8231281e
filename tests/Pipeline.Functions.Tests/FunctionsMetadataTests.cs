using System.Text.Json;
using Pipeline.DevHost.Azurite;

namespace Pipeline.Functions.Tests;

/// <summary>The built functions.metadata is what the Functions host in Azure reads; it must declare what the app promises.</summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>The functions.metadata built beside this test run (same configuration).</summary>
    private static JsonElement Metadata()
    {
        var root = RepositoryRoot.Find()!;
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(root, "src", "Pipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static JsonElement Function(string name) =>
        Metadata().EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void IngestArticle_IsEventGridBlobTriggerOnArticlesWithPipelineStorage()
    {
        var trigger = Trigger(Function("IngestArticle"));

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("articles/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("PipelineStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
    }

    [Fact]
    public void RenderArticle_IsQueueTriggerOnRenderQueue()
    {
        var trigger = Trigger(Function("RenderArticle"));

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("render", trigger.GetProperty("queueName").GetString());
        Assert.Equal("PipelineStorage", trigger.GetProperty("connection").GetString());
    }

    /// <summary>
    /// Management routes are anonymous to the host (an Entra token must reach the app, which checks every caller
    /// itself: AccessContractTests); the host guards only the key check the app asks it through.
    /// </summary>
    [Theory]
    [InlineData("CreateShortLink", "api/links", "post", "Anonymous")]
    [InlineData("CreateShortLinks", "api/links/bulk", "post", "Anonymous")]
    [InlineData("ListShortLinks", "api/links", "get", "Anonymous")]
    [InlineData("GetShortLink", "api/links/{code}", "get", "Anonymous")]
    [InlineData("UpdateShortLink", "api/links/{code}", "patch", "Anonymous")]
    [InlineData("ArchiveShortLink", "api/links/{code}", "delete", "Anonymous")]
    [InlineData("GetShortLinkQrCode", "api/links/{code}/qr", "get", "Anonymous")]
    [InlineData("FollowShortLink", "{code}", "get", "Anonymous")]
    [InlineData("GetUploadStatus", "api/uploads/{*name}", "get", "Anonymous")]
    [InlineData("RepublishArticles", "api/articles/republish", "post", "Anonymous")]
    [InlineData("GrantUploads", "api/upload-grants", "post", "Anonymous")]
    [InlineData("CompareArticleVersions", "api/articles/{id}/diff", "get", "Anonymous")]
    [InlineData("ListAudit", "api/audit", "get", "Anonymous")]
    [InlineData("ListPoison", "api/poison", "get", "Anonymous")]
    [InlineData("PreviewArticle", "api/articles/{id}/preview", "post", "Anonymous")]
    [InlineData("ServePreview", "desk/preview/{token}", "get", "Anonymous")]
    [InlineData("RetryPoison", "api/poison/{queue}/{id}/retry", "post", "Anonymous")]
    [InlineData("GetSignIn", "api/access", "get", "Anonymous")]
    [InlineData("CheckKey", "api/access/key", "get", "Function")]
    public void HttpFunctions_DeclareTheirRoutes(string name, string route, string method, string authLevel)
    {
        var trigger = Trigger(Function(name));

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Contains(method, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    /// <summary>
    /// The Functions host tries HTTP routes in the order it registered them and takes the first that matches (it does
    /// not prefer literal segments the way ASP.NET routing does), so two functions whose routes can match one request
    /// would answer differently there than on the local host. None may.
    /// </summary>
    [Fact]
    public void HttpRoutes_NoTwoCanMatchTheSameRequest()
    {
        var routes = Metadata().EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: f.GetProperty("bindings").EnumerateArray().First()))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(f => (f.Name, Route: f.Trigger.GetProperty("route").GetString()!, Methods: f.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToList()))
            .ToList();

        var clashes = from a in routes
                      from b in routes
                      where string.CompareOrdinal(a.Name, b.Name) < 0 && a.Methods.Intersect(b.Methods).Any() && CanMatchTheSame(a.Route, b.Route)
                      select $"{a.Name} ({a.Route}) and {b.Name} ({b.Route})";

        Assert.True(routes.Count >= 15, "the HTTP functions were not found in functions.metadata");
        Assert.Empty(clashes);
    }

    [Theory]
    [InlineData("api/uploads", "api/uploads/{*name}", true)]
    [InlineData("api/links/{code}", "api/links/bulk", true)]
    [InlineData("{code}", "api/links", false)]
    [InlineData("api/links/{code}/qr", "api/links/{code}", false)]
    [InlineData("api/articles/{id}/approve", "api/articles/{id}/reject", false)]
    [InlineData("api/Review", "api/review", true)]
    public void CanMatchTheSame_RoutePairs_SaysWhetherOneRequestFitsBoth(string a, string b, bool expected) =>
        Assert.Equal(expected, CanMatchTheSame(a, b));

    /// <summary>Can one path fit both templates? A parameter takes one segment, a catch-all any number (none too).</summary>
    internal static bool CanMatchTheSame(string a, string b) => Overlap(a.Split('/'), b.Split('/'));

    private static bool Overlap(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        if (a.Length > 0 && a[0].StartsWith("{*", StringComparison.Ordinal) || b.Length > 0 && b[0].StartsWith("{*", StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length;
        }

        var fits = a[0].StartsWith('{') || b[0].StartsWith('{') || string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase);
        return fits && Overlap(a[1..], b[1..]);
    }
}
