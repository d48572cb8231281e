using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Playwright;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A reader in a real browser (headless Debian Chromium, driven by Playwright) on the local host: home page, an article,
/// its copy button and short link, and the search page, under the site's Content-Security-Policy, with no console errors.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiteBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static string Chromium => BrowserFactAttribute.Executable;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    /// <summary>Where the screenshots go: beside the test assembly, in the test output folder.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task Reader_HomeToArticleToShortLinkAndSearch_WorksWithoutConsoleErrors()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        Assert.True(File.Exists(Chromium), $"the browser test needs Debian's Chromium at {Chromium}: apt-get install -y chromium");
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix());
        try
        {
            var uploads = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Names.UploadsContainer);
            await uploads.GetBlobClient("world/two-articles.txt").UploadAsync(new BinaryData(TestFiles.Read("two-articles.txt")));
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.Names.ArticlesTable);
            var rows = await Rendered.WaitForArticlesAsync(table, 2, Bound);
            var flood = rows.Single(r => r.GetString("Headline").StartsWith("Flood", StringComparison.Ordinal));
            var articleUrl = new Uri(host.SiteBase, flood.GetString("Path")).ToString();
            using (var http = new HttpClient())
            {
                await Rendered.WaitForHomeListingAsync(http, host.SiteBase, rows.Select(r => r.GetString("Headline")), Bound);
            }

            Directory.CreateDirectory(ScreenshotFolder);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFactAttribute.LaunchAsync(playwright);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 900 } });
            await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = host.SiteBase.ToString().TrimEnd('/') });
            var page = await context.NewPageAsync();
            var errors = BrowserFactAttribute.WatchErrors(page);

            // Home → the article. The waits are web-first assertions on what a reader sees (the address, the heading), not
            // on the load event: a CI run timed out in WaitForURL's wait for the load event after network idle had fired,
            // and a reader never waits for that event.
            await page.GotoAsync(host.SiteBase.ToString());
            Assert.Equal("Latest news", await page.Locator("h1").TextContentAsync());
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = flood.GetString("Headline") }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(articleUrl);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(flood.GetString("Headline"));

            // The copy button is shown by the site's script (so the script ran under script-src 'self') and copies the short link.
            var copy = page.Locator("button.copy-link");
            await copy.ClickAsync();
            await Assertions.Expect(copy).Not.ToHaveTextAsync("Copy link");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "article.png"), FullPage = true });

            // The short link goes to the API port, whose redirect comes back to the page on the site port.
            var shortUrl = await page.Locator("a.short-url").GetAttributeAsync("href");
            Assert.StartsWith(host.ApiBase.ToString(), shortUrl, StringComparison.Ordinal);
            await page.Locator("a.short-url").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(articleUrl);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(flood.GetString("Headline"));

            // Search runs in the page against the JSON index.
            await page.GotoAsync(new Uri(host.SiteBase, "search/?q=library").ToString());
            await Assertions.Expect(page.Locator("#search-results li")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#search-results li a")).ToHaveTextAsync("Library reopens after two-year renovation with longer hours");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "search.png") });

            // Readable on a phone.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(articleUrl);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "the article page scrolls sideways on a phone");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "article-phone.png"), FullPage = true });

            Assert.True(errors.Count == 0, "console errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            output.WriteLine($"screenshots: {ScreenshotFolder}");
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }
}
