using System.Text.Json;
using Pipeline.DevHost.Azurite;

namespace Pipeline.Functions.Tests;

/// <summary>The built functions.metadata is what the Functions host in Azure reads; it must declare what the app promises.</summary>
public sealed class FunctionsMetadataTests
{
    private static JsonElement Function(string name)
    {
        var root = RepositoryRoot.Find()!;
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(root, "src", "Pipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

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

    [Theory]
    [InlineData("CreateShortLink", "api/links", "post", "Function")]
    [InlineData("CreateShortLinks", "api/links/bulk", "post", "Function")]
    [InlineData("ListShortLinks", "api/links", "get", "Function")]
    [InlineData("GetShortLink", "api/links/{code}", "get", "Function")]
    [InlineData("UpdateShortLink", "api/links/{code}", "patch", "Function")]
    [InlineData("ArchiveShortLink", "api/links/{code}", "delete", "Function")]
    [InlineData("GetShortLinkQrCode", "api/links/{code}/qr", "get", "Function")]
    [InlineData("FollowShortLink", "{code}", "get", "Anonymous")]
    [InlineData("ListUploads", "api/uploads", "get", "Function")]
    [InlineData("RepublishArticles", "api/articles/republish", "post", "Function")]
    public void HttpFunctions_DeclareTheirRoutes(string name, string route, string method, string authLevel)
    {
        var trigger = Trigger(Function(name));

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Contains(method, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }
}
