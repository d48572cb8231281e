using System.Text;
using System.Text.Json;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>What the search page can find: the month's shard after an article is published.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SearchIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_published_article_is_found_by_its_byline_and_the_opening_of_its_body()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        const string Story = """
            {"title": "Harvest begins early in the south", "author": "Sabrina Toppa", "summary": ["Farmers cite a warm March"],
             "body": ["MULTAN: Farmers across southern Punjab began cutting wheat a week early on Monday.", "Prices held steady."]}
            """;

        var article = (await services.IngestAsync("farming/harvest.json", Story)).Articles.Single();
        await services.DrainRenderQueueAsync();

        var shard = (await services.Storage.Site.GetBlobClient(SitePaths.SearchShard(article.PublishedAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))).DownloadContentAsync()).Value.Content;
        var entry = JsonDocument.Parse(shard.ToString()).RootElement.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("h").GetString() == article.Headline);
        Assert.Equal("Sabrina Toppa", entry.GetProperty("b").GetString());
        Assert.Equal("Farmers across southern Punjab began cutting wheat a week early on Monday.", entry.GetProperty("e").GetString());
        Assert.Equal("Farmers cite a warm March", entry.GetProperty("x").GetString());

        // The feeds carry the whole story, and name its author.
        var feed = System.Xml.Linq.XDocument.Parse((await services.Storage.Site.GetBlobClient("feed.xml").DownloadContentAsync()).Value.Content.ToString());
        var item = feed.Root!.Element("channel")!.Elements("item").Single(i => i.Element("title")!.Value == article.Headline);
        Assert.Equal("<ul><li>Farmers cite a warm March</li></ul><p><strong>MULTAN:</strong> Farmers across southern Punjab began cutting wheat a week early on Monday.</p><p>Prices held steady.</p>",
            item.Element((System.Xml.Linq.XNamespace)Pipeline.Core.Rendering.FeedWriter.ContentNamespace + "encoded")!.Value);
        Assert.Equal("Sabrina Toppa", item.Element((System.Xml.Linq.XNamespace)Pipeline.Core.Rendering.FeedWriter.DublinCoreNamespace + "creator")!.Value);
    }
}
