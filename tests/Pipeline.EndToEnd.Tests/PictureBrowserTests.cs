using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Playwright;
using Pipeline.Core.Tests.Pictures;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A reader looks at an article whose editor uploaded three pictures beside it: in a real browser on the local host,
/// at desktop and phone widths and in dark mode, the pictures load from their <c>srcset</c> and nothing moves as they do.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PictureBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Story = """
        {"title": "River crossing reopens after the floods", "caption": "The first ferry leaves the east bank (Reuters)",
         "body": ["SUKKUR: The ferry ran again on Tuesday.", "Traders waited since dawn.", "The water has fallen by two metres.",
                  "Officials said the road would follow.", "Schools reopen next week."]}
        """;

    [BrowserFact]
    public async Task Reader_SeesTheGalleryFromSrcsetWithoutLayoutShift_AtBothWidthsAndInDarkMode()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix());
        try
        {
            var uploads = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Names.UploadsContainer);
            await uploads.GetBlobClient("sindh/river.jpg").UploadAsync(new BinaryData(TestPictures.Jpeg(2400, 1600)));
            await uploads.GetBlobClient("sindh/river-1.jpg").UploadAsync(new BinaryData(TestPictures.Jpeg(1800, 1200)));
            await uploads.GetBlobClient("sindh/river-2.png").UploadAsync(new BinaryData(TestPictures.TransparentPng(900, 1200)));
            await uploads.GetBlobClient("sindh/river.json").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Story)));
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.Names.ArticlesTable);
            var row = (await Rendered.WaitForArticlesAsync(table, 1, TimeSpan.FromSeconds(90))).Single();
            var articleUrl = new Uri(host.SiteBase, row.GetString("Path")).ToString();
            using (var http = new HttpClient())
            {
                await WaitForPicturesAsync(http, articleUrl, 3);

                // Pages compressed on request, as Front Door does in Azure; pictures never (they are compressed already).
                using var page = new HttpRequestMessage(HttpMethod.Get, articleUrl) { Headers = { { "Accept-Encoding", "br, gzip" } } };
                using var compressed = await http.SendAsync(page);
                Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
                var webp = System.Text.RegularExpressions.Regex.Match(await http.GetStringAsync(articleUrl), "srcset=\"([^ \"]+\\.webp)").Groups[1].Value;
                using var picture = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(articleUrl), webp))
                {
                    Headers = { { "Accept-Encoding", "br, gzip" } },
                };
                using var image = await http.SendAsync(picture);
                Assert.Equal("image/webp", image.Content.Headers.ContentType!.MediaType);
                Assert.Empty(image.Content.Headers.ContentEncoding);
                Assert.Equal("public, max-age=31536000, immutable", image.Headers.CacheControl!.ToString());
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFactAttribute.LaunchAsync(playwright);
            Directory.CreateDirectory(SiteBrowserTests.ScreenshotFolder);
            foreach (var (width, expected) in new[] { (1280, "960.webp"), (390, "480.webp") })
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
                await page.AddInitScriptAsync("""
                    window.__shift = 0;
                    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
                      .observe({ type: "layout-shift", buffered: true });
                    """);
                await page.GotoAsync(articleUrl);
                await Assertions.Expect(page.Locator("figure picture img")).ToHaveCountAsync(3);

                // The lead is in the first screen; the gallery loads as the reader scrolls to it. At device pixel ratio 1 the
                // 42rem column (672 px) takes the 960 rendition, a 390 px phone the 480 one.
                var lead = page.Locator("figure.lead-image img");
                await Assertions.Expect(lead).ToHaveJSPropertyAsync("complete", true);
                foreach (var picture in await page.Locator("section.gallery img").AllAsync())
                {
                    await picture.ScrollIntoViewIfNeededAsync();
                    await Assertions.Expect(picture).ToHaveJSPropertyAsync("complete", true);
                }

                var images = await page.EvaluateAsync<JsonElement>("""
                    () => [...document.querySelectorAll("figure picture img")].map(i => ({ src: i.currentSrc, natural: i.naturalWidth, shown: i.getBoundingClientRect().width }))
                    """);
                foreach (var image in images.EnumerateArray())
                {
                    Assert.True(image.GetProperty("natural").GetInt32() > 0, $"a picture did not load at {width} px: {image}");
                    Assert.EndsWith(".webp", image.GetProperty("src").GetString(), StringComparison.Ordinal);
                    Assert.True(image.GetProperty("shown").GetDouble() <= width, $"a picture is wider than the screen at {width} px");
                }

                Assert.EndsWith(expected, images[0].GetProperty("src").GetString(), StringComparison.Ordinal);
                Assert.Equal(0, await page.EvaluateAsync<double>("() => window.__shift"));
                Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"the page scrolls sideways at {width} px");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, $"gallery-{width}.png"), FullPage = true });

                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
                Assert.Equal("rgb(18, 20, 23)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, $"gallery-{width}-dark.png") });
                // The front leads with the story and its picture.
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
                await page.GotoAsync(host.SiteBase.ToString());
                var front = page.Locator(".lead-story picture img");
                await Assertions.Expect(front).ToHaveJSPropertyAsync("complete", true);
                Assert.True(await front.EvaluateAsync<int>("i => i.naturalWidth") > 0, $"the front's lead picture did not load at {width} px");
                Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"the front scrolls sideways at {width} px");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, $"front-{width}.png") });

                Assert.True(errors.Count == 0, "console errors: " + string.Join(Environment.NewLine, errors));
                await context.CloseAsync();

                await using var audit = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 }, ColorScheme = ColorScheme.Dark,
                });
                var auditPage = await audit.NewPageAsync();
                foreach (var url in new[] { articleUrl, host.SiteBase.ToString() })
                {
                    await auditPage.GotoAsync(url);
                    Assert.Empty(await Axe.SeriousViolationsAsync(auditPage));
                }
            }
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }

    private static async Task WaitForPicturesAsync(HttpClient http, string url, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var response = await http.GetAsync(url);
            var html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : string.Empty;
            if (html.Split("<picture>").Length - 1 >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"the page at {url} did not show {count} pictures in 90 s:\n{html}");
            await Task.Delay(250);
        }
    }
}
