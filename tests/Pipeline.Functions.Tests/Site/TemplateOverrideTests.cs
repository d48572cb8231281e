using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Site;

/// <summary>An operator changes the theme by putting files in the templates container; the next render uses them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TemplateOverrideTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> RefreshAlways = new() { ["Pipeline:TemplateRefreshSeconds"] = "0" };

    [Fact]
    public async Task Rebuild_ArticleTemplateInTemplatesContainer_IsUsedAndStillEncodes()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 3, RefreshAlways);
        await services.Storage.Templates.GetBlobClient("article.liquid").UploadAsync(BinaryData.FromString(
            "<article class=\"custom\"><h1>{{ article.Headline }}</h1><p>{{ '<b>raw</b>' }}</p></article>"));

        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);

        var page = await FirstArticlePageAsync(services);
        Assert.Contains("<article class=\"custom\">", page);
        Assert.Contains("&lt;b&gt;raw&lt;/b&gt;", page);
        Assert.Contains("<header class=\"site-header\">", page);
    }

    [Fact]
    public async Task Rebuild_OverrideThatDoesNotParse_KeepsTheDefaultTemplate()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 3, RefreshAlways);
        await services.Storage.Templates.GetBlobClient("article.liquid").UploadAsync(BinaryData.FromString("{% if %}broken"));

        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);

        Assert.Contains("<article class=\"article\"", await FirstArticlePageAsync(services));
    }

    [Fact]
    public async Task Rebuild_StylesheetOverride_IsPublishedAndPagesLinkItsNewVersion()
    {
        await using var services = await SiteFiles.SeededSiteAsync(azurite, 3, RefreshAlways);
        var linkBefore = SiteFiles.ParseStrict(await FirstArticlePageAsync(services)).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href");
        await services.Storage.Templates.GetBlobClient("style.css").UploadAsync(BinaryData.FromString("body { color: #222; }"));

        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);

        var css = (await services.Storage.Site.GetBlobClient("assets/style.css").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal("body { color: #222; }", css);
        var linkAfter = SiteFiles.ParseStrict(await FirstArticlePageAsync(services)).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href");
        Assert.NotEqual(linkBefore, linkAfter);
        Assert.StartsWith("/assets/style.css?v=", linkAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_TemplateChangedWithinTheRefreshInterval_IsPickedUpOnlyAfterIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["Pipeline:TemplateRefreshSeconds"] = "30" });
        await SiteSeed.SeedAsync(services.Get<IArticleStore>(), 2, DateTimeOffset.UtcNow.AddHours(-1));
        var template = services.Storage.Templates.GetBlobClient("article.liquid");
        await template.UploadAsync(BinaryData.FromString("<article><h1>{{ article.Headline }}</h1><p>first theme</p></article>"));
        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);
        await template.UploadAsync(BinaryData.FromString("<article><h1>{{ article.Headline }}</h1><p>second theme</p></article>"), overwrite: true);

        clock.Advance(TimeSpan.FromSeconds(10));
        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);
        var within = await FirstArticlePageAsync(services);
        clock.Advance(TimeSpan.FromSeconds(25));
        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);
        var after = await FirstArticlePageAsync(services);

        Assert.Contains("first theme", within);
        Assert.Contains("second theme", after);
    }

    private static async Task<string> FirstArticlePageAsync(PipelineServices services)
    {
        var latest = await services.Get<IArticleStore>().ListLatestAsync(1, CancellationToken.None);
        return (await services.Storage.Site.GetBlobClient(SitePaths.Article(latest[0].Path)).DownloadContentAsync()).Value.Content.ToString();
    }
}
