using AngleSharp.Html.Parser;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The header names the sections that have articles, on every page, old ones included.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SectionNavigationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_new_section_reaches_the_header_of_pages_published_before_it()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var first = (await services.IngestAsync("world/summit.json", """{"title": "Leaders meet at the summit", "body": ["Text."]}""")).Articles.Single();
        await services.DrainRenderQueueAsync();
        await services.IngestAsync("sport/final.json", """{"title": "City win the final", "body": ["Text."]}""");
        await services.DrainRenderQueueAsync();

        foreach (var path in new[] { SitePaths.Home, SitePaths.Article(first.Path), "section/sport/index.html" })
        {
            var html = (await services.Storage.Site.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToString();
            var nav = new HtmlParser().ParseDocument(html).QuerySelectorAll("nav.section-nav a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
            Assert.Equal([("Sport", "/section/sport/"), ("World", "/section/world/")], nav);
        }
    }

    [Fact]
    public async Task Two_sections_refreshed_together_are_both_kept()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var directory = services.Get<SectionDirectory>();

        var noted = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => directory.NoteAsync($"section-{i}", hasArticles: true, CancellationToken.None)));

        var stored = System.Text.Json.JsonDocument.Parse((await services.Storage.Site.GetBlobClient(SectionDirectory.Path).DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"section-{i}"), stored.RootElement.GetProperty("sections").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(5, noted.Count(n => n));
    }
}
