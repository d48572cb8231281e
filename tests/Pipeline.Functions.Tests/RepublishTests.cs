using Pipeline.Core.Articles;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RepublishTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Republish_Post_QueuesARebuildThatRendersEveryArticle()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var records = await SiteSeed.SeedAsync(services.Get<IArticleStore>(), 4, DateTimeOffset.UtcNow);
        var context = HttpResults.Request("POST", "/api/republish");

        var (status, _, _) = await HttpResults.ExecuteAsync(await services.Create<Republish>().Run(context.Request, CancellationToken.None), context);
        var rendered = await services.DrainRenderQueueAsync();

        Assert.Equal(202, status);
        Assert.Equal(1, rendered);
        foreach (var record in records)
        {
            Assert.True(await services.Storage.Site.GetBlobClient(record.Path + "index.html").ExistsAsync(), $"{record.Path} was rendered");
        }

        Assert.True(await services.Storage.Site.GetBlobClient("sitemap.xml").ExistsAsync());
    }
}
