using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary><c>GET /api/articles/{id}/diff</c>: an editor compares two versions of an upload that was corrected and uploaded again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleDiffApiTests(AzuriteFixture azurite)
{
    private const string First = """
        ---
        title: Port reopens after strike
        byline: Amina Qureshi
        ---
        Ships sailed from the harbour on Friday.

        Pilots returned to work.
        """;

    private static Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> DiffAsync(PipelineServices services, string id, string query = "") =>
        HttpResults.CallAsync(r => services.Create<CompareArticleVersions>().Run(r, id, CancellationToken.None), "GET", $"/api/articles/{id}/diff{query}");

    [Fact]
    public async Task ACorrectedUpload_ShowsTheWordsThatChanged_InTheFieldsThatChanged()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var id = (await services.IngestAsync("world/port.md", First)).Articles[0].Id;
        await services.IngestAsync("world/port.md", First.Replace("on Friday", "at dawn on Friday", StringComparison.Ordinal));

        var (status, _, json) = await DiffAsync(services, id);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(1, json!.Value.GetProperty("from").GetProperty("version").GetInt32());
        Assert.Equal(2, json.Value.GetProperty("to").GetProperty("version").GetInt32());
        var fields = json.Value.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["body"], fields.Where(f => f.GetProperty("changed").GetBoolean()).Select(f => f.GetProperty("field").GetString()));
        var spans = fields.Single(f => f.GetProperty("field").GetString() == "body").GetProperty("spans").EnumerateArray()
            .Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("text").GetString())).ToList();
        Assert.Contains(("added", "at dawn "), spans);
        Assert.DoesNotContain(spans, s => s.Item1 == "removed");
    }

    [Fact]
    public async Task VersionsThatAreNotThere_OrNotNumbers_AreRefusedWithTheReason()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var id = (await services.IngestAsync("world/port.md", First)).Articles[0].Id;

        var (onlyOne, _, one) = await DiffAsync(services, id);
        var (missing, _, _) = await DiffAsync(services, id, "?from=1&to=7");
        var (invalid, _, bad) = await DiffAsync(services, id, "?from=first");
        var (noArticle, _, _) = await DiffAsync(services, "a-000000000000");

        Assert.Equal(StatusCodes.Status404NotFound, onlyOne);
        Assert.Equal("version_not_found", one!.Value.GetProperty("code").GetString());
        Assert.Equal("the article has only one version", one.Value.GetProperty("message").GetString());
        Assert.Equal(StatusCodes.Status404NotFound, missing);
        Assert.Equal(StatusCodes.Status400BadRequest, invalid);
        Assert.Equal("invalid_query", bad!.Value.GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status404NotFound, noArticle);
    }
}
