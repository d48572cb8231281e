using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// An editor at the desk in a real browser on the local host: signs in with the key, sees the uploads and their states,
/// corrects the headline of an article held for review and approves it, and its page goes live with that headline;
/// under the desk's Content-Security-Policy, with no console errors, on a laptop and a phone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeskBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    // A name standing alone above the story: the pipeline must not take it for a headline, so it holds the article.
    private const string HeldStory = """
        Amina Qureshi

        GWADAR: Harbour pilots returned to work on Friday after a week-long stoppage, once the port board agreed to new night-shift rates.

        Two tankers that had anchored outside the breakwater were brought in before noon, a board spokesman said.
        """;

    [BrowserFact]
    public async Task Editor_SignsInCorrectsAHeldHeadlineAndApproves_ThePageGoesLive_ThenMakesALinkAndSeesItsClick()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), new Dictionary<string, string> { ["ShortLinks__ClickFlushInterval"] = "00:00:01" });
        try
        {
            using var api = new HttpClient { BaseAddress = host.ApiBase, DefaultRequestHeaders = { { "x-functions-key", host.ApiKey } } };

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFactAttribute.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var errors = BrowserFactAttribute.WatchErrors(page);

            // /desk on the API host leads to the desk; a wrong key is refused with a message, the right one signs in.
            await page.GotoAsync(new Uri(host.ApiBase, "desk").ToString());
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.ApiBase, "desk/index.html").ToString());
            await page.GetByLabel("Management key").FillAsync("not-the-key");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("refused");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The browser reports the refused calls (401) as console errors; they are what this step is about.
            Assert.True(errors.All(e => e.Contains("401", StringComparison.Ordinal)), "console errors besides the refused key:\n" + string.Join("\n", errors));
            errors.Clear();
            await page.GetByLabel("Management key").FillAsync(host.ApiKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            // Upload from the desk: the files go from the browser straight to storage (under the desk's policy, which
            // names the blob endpoint), then each shows its way through the pipeline without a reload. A kind the
            // pipeline does not read is refused before it travels.
            await page.Locator("#upload-section").FillAsync("World");
            await page.Locator("#upload-files").SetInputFilesAsync(new[]
            {
                new FilePayload { Name = "two-articles.txt", MimeType = "text/plain", Buffer = TestFiles.Read("two-articles.txt") },
                new FilePayload { Name = "contract.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7"u8.ToArray() },
            });
            var clean = page.Locator("#upload-list li[data-name='world/two-articles.txt']");
            try
            {
                await Assertions.Expect(clean.Locator(".state")).ToHaveTextAsync("2 live", new() { Timeout = 60_000 });
            }
            catch (PlaywrightException)
            {
                output.WriteLine("notice: " + await page.Locator("#notice").TextContentAsync() + "\nerrors:\n" + string.Join("\n", errors));
                throw;
            }
            await Assertions.Expect(clean.Locator("a")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#upload-list li[data-name='world/contract.pdf'] .state")).ToContainTextAsync("not uploaded: 'contract.pdf' is not a kind the pipeline reads");
            await page.Locator("#upload-section").FillAsync("pakistan");
            await page.Locator("#upload-files").SetInputFilesAsync(new FilePayload { Name = "pilots.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(HeldStory) });
            await Assertions.Expect(page.Locator("#upload-list li[data-name='pakistan/pilots.txt'] .state")).ToHaveTextAsync("1 in review", new() { Timeout = 60_000 });
            var held = await WaitForHeldAsync(api);

            // The flood story corrected and uploaded again: its two versions compared word by word at the desk.
            const string Flood = "Flood barrier trial keeps river town dry during spring tide";
            var corrected = System.Text.Encoding.UTF8.GetString(TestFiles.Read("two-articles.txt")).Replace("two metres high", "three metres high", StringComparison.Ordinal);
            await page.Locator("#upload-section").FillAsync("World");
            await page.Locator("#upload-files").SetInputFilesAsync(new FilePayload { Name = "two-articles.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(corrected) });
            // The new row (the newest is first) once its name is granted; the earlier upload's row below it says "2 live" already.
            var floodRows = page.Locator("#upload-list li[data-name='world/two-articles.txt']");
            await Assertions.Expect(floodRows).ToHaveCountAsync(2);
            await Assertions.Expect(floodRows.First.Locator(".state")).ToHaveTextAsync("2 live", new() { Timeout = 60_000 });
            var floodCard = page.Locator("#articles > li").Filter(new() { HasText = Flood });
            await floodCard.GetByRole(AriaRole.Button, new() { Name = $"Details of {Flood}" }).ClickAsync();
            await Assertions.Expect(floodCard.Locator("ol.versions li")).ToHaveCountAsync(2);
            await floodCard.GetByRole(AriaRole.Button, new() { Name = $"Compare versions of {Flood}" }).ClickAsync();
            await Assertions.Expect(floodCard.Locator(".diff-out")).ToContainTextAsync("Story changed");
            await Assertions.Expect(floodCard.Locator(".diff-out del")).ToContainTextAsync("two");
            await Assertions.Expect(floodCard.Locator(".diff-out ins")).ToContainTextAsync("three");
            // A render the pipeline gave up on shows under "Given up"; Retry puts it back in line and it leaves the list.
            var floodId = await floodCard.GetAttributeAsync("data-article");
            var poison = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, host.Names.RenderQueue + "-poison",
                new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
            await poison.CreateIfNotExistsAsync();
            await poison.SendMessageAsync($$"""{"articleId":"{{floodId}}","version":2}""");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Retry render of article {floodId}" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Retried the render of article {floodId}");
            await Assertions.Expect(page.Locator("#poison-empty")).ToBeVisibleAsync();
            await floodCard.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, "desk-versions.png") });

            // Both uploads with their states; the held article with why it was held.
            await Assertions.Expect(page.Locator("tr[data-upload='world/two-articles.txt'] .state")).ToHaveTextAsync("published");
            await Assertions.Expect(page.Locator("tr[data-upload='pakistan/pilots.txt']")).ToBeVisibleAsync();
            var card = page.Locator($"li[data-article='{held}']");
            await Assertions.Expect(card).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator("ul.reasons li").First).ToContainTextAsync("Amina Qureshi");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, "desk.png"), FullPage = true });

            // Readable on a phone.
            await page.SetViewportSizeAsync(390, 844);
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the desk scrolls sideways on a phone");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, "desk-phone.png"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 900);

            // No serious or critical accessibility violations (axe-core, from npm) on the sign-in page and the desk,
            // at both widths. axe is injected as an inline script, which the desk's policy rightly refuses, so it runs
            // in a second context that bypasses the policy; the first context keeps checking it.
            await using (var audit = await browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true }))
            {
                var auditPage = await audit.NewPageAsync();
                foreach (var width in new[] { 1280, 390 })
                {
                    await auditPage.SetViewportSizeAsync(width, 900);
                    await auditPage.GotoAsync(new Uri(host.ApiBase, "desk/index.html").ToString());
                    await Assertions.Expect(auditPage.GetByLabel("Management key")).ToBeVisibleAsync();
                    Assert.Empty(await Axe.SeriousViolationsAsync(auditPage));
                    await auditPage.GetByLabel("Management key").FillAsync(host.ApiKey);
                    await auditPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                    await Assertions.Expect(auditPage.Locator($"li[data-article='{held}']")).ToBeVisibleAsync();
                    // With a link's clicks chart, its edit form and the CSV import open too.
                    await auditPage.Locator("#links tr[data-link] .clicks button").First.ClickAsync();
                    await Assertions.Expect(auditPage.Locator("tr.detail svg.chart").First).ToBeVisibleAsync();
                    await auditPage.Locator("#bulk summary").ClickAsync();
                    Assert.Empty(await Axe.SeriousViolationsAsync(auditPage));
                    await auditPage.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
                }
            }

            // Before approving, the page as it would be published, in a new tab: the story, with the site's stylesheet
            // loaded from the site (the preview's policy allows that and no script at all).
            await card.GetByRole(AriaRole.Button, new() { Name = "Preview the page" }).ClickAsync();
            var previewTab = await page.Context.RunAndWaitForPageAsync(() => card.Locator(".preview-link a").ClickAsync());
            await Assertions.Expect(previewTab.Locator("body")).ToContainTextAsync("Harbour pilots returned to work on Friday");
            Assert.True(await previewTab.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => (s.href || '').startsWith(document.baseURI))"),
                "the preview loaded the site's stylesheet from the site");
            await previewTab.CloseAsync();

            // Correct the headline and approve: the card leaves the queue and the page goes live with the headline.
            const string Headline = "Gwadar harbour pilots end strike after night-shift deal";
            await card.GetByLabel("Headline").FillAsync(Headline);
            // The byline the pipeline kept, and the story as it read it, beside the fields; the byline corrected too.
            await Assertions.Expect(card.GetByLabel("Byline")).ToHaveValueAsync("Amina Qureshi");
            await Assertions.Expect(card.Locator(".source")).ToContainTextAsync("Harbour pilots returned to work on Friday");
            await card.GetByLabel("Byline").FillAsync("Amina Qureshi, Gwadar");
            await card.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Published “{Headline}”");
            await Assertions.Expect(page.Locator("#review-empty")).ToBeVisibleAsync();
            // The approval is in the audit log, by the key that made it, with what was corrected.
            var approvedRow = page.Locator("#audit tbody tr").Filter(new() { HasText = "approved" });
            await Assertions.Expect(approvedRow.First).ToContainTextAsync("management key");
            await Assertions.Expect(approvedRow.First).ToContainTextAsync($"article {held}");
            await Assertions.Expect(approvedRow.First).ToContainTextAsync("corrected: headline, byline");
            await Assertions.Expect(page.Locator("#audit tbody tr").Filter(new() { HasText = "uploaded" })).ToHaveCountAsync(3);

            var article = JsonDocument.Parse(await api.GetStringAsync($"api/articles/{held}")).RootElement.GetProperty("article");
            Assert.Equal("published", article.GetProperty("state").GetString());
            var url = new Uri(host.SiteBase, new Uri(article.GetProperty("url").GetString()!).AbsolutePath);
            // The approval queues the page's render; a reader sees it a moment later.
            using (var site = new HttpClient())
            {
                var clock = Stopwatch.StartNew();
                while ((await site.GetAsync(url)).StatusCode != HttpStatusCode.OK && clock.Elapsed < Bound)
                {
                    await Task.Delay(250);
                }
            }

            await page.GotoAsync(url.ToString());
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Headline);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Amina Qureshi, Gwadar");

            // Unpublish one of the clean articles from the desk: its page then answers as removed.
            await page.GotoAsync(new Uri(host.ApiBase, "desk/index.html").ToString());
            const string Library = "Library reopens after two-year renovation with longer hours";
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            var libraryCard = page.Locator("#articles > li").Filter(new() { HasText = Library });
            var libraryUrl = await libraryCard.Locator("h3 a").GetAttributeAsync("href");
            await libraryCard.GetByRole(AriaRole.Button, new() { Name = $"Unpublish {Library}" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Unpublished “{Library}”");
            await Assertions.Expect(libraryCard).ToHaveCountAsync(0);
            var removedUrl = new Uri(host.SiteBase, new Uri(libraryUrl!).AbsolutePath);
            using (var site = new HttpClient())
            {
                var removed = string.Empty;
                for (var clock = Stopwatch.StartNew(); clock.Elapsed < Bound && !removed.Contains("This article was removed", StringComparison.Ordinal);)
                {
                    await Task.Delay(250);
                    removed = await (await site.GetAsync(removedUrl)).Content.ReadAsStringAsync();
                }

                Assert.Contains("This article was removed", removed);
            }

            // A link: a script address is refused with the API's reason; a real one is created, followed once by a
            // reader, and its click shows after the flush.
            await page.GetByLabel("Address to shorten").FillAsync("javascript:alert(1)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToHaveClassAsync("error");
            Assert.True(errors.All(e => e.Contains("400", StringComparison.Ordinal)), "console errors besides the refused address:\n" + string.Join("\n", errors));
            errors.Clear();
            await page.GetByLabel("Address to shorten").FillAsync("https://example.com/desk-story?id=4");
            await page.GetByLabel("Code").FillAsync("Desk-Story");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Created");
            var row = page.Locator("tr[data-link='Desk-Story']");
            await Assertions.Expect(row).ToContainTextAsync("https://example.com/desk-story?id=4");
            using (var reader = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
            {
                reader.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
                Assert.Equal(HttpStatusCode.Found, (await reader.GetAsync(new Uri(host.ApiBase, "desk-story"))).StatusCode);
            }

            var shown = string.Empty;
            for (var clock = Stopwatch.StartNew(); clock.Elapsed < Bound && !shown.Contains("1 person", StringComparison.Ordinal);)
            {
                await Task.Delay(500);
                await page.ReloadAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Show clicks of Desk-Story" }).ClickAsync();
                await Assertions.Expect(row.Locator(".clicks button")).ToHaveCountAsync(0);
                shown = await row.Locator(".clicks").TextContentAsync() ?? string.Empty;
            }

            Assert.Equal("1 person, 0 bots", shown);

            // The click by day as a chart (and a table of the same figures), the QR code as a file, and an edit.
            var detail = page.Locator("tr[data-detail='Desk-Story']");
            await Assertions.Expect(detail.Locator("svg.chart rect.people")).ToHaveCountAsync(1);
            await Assertions.Expect(detail.Locator("svg.chart rect.bots")).ToHaveCountAsync(0);
            await Assertions.Expect(detail.Locator("table.days tbody tr td").Nth(1)).ToHaveTextAsync("1");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                detail.GetByRole(AriaRole.Button, new() { Name = "Download the QR code of Desk-Story as SVG" }).ClickAsync());
            Assert.Equal("Desk-Story.svg", download.SuggestedFilename);
            Assert.Contains("<svg", await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
            await detail.GetByLabel("Leads to").FillAsync("https://example.com/desk-story?id=5");
            await detail.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Saved");
            await Assertions.Expect(row).ToContainTextAsync("https://example.com/desk-story?id=5");

            // Many links from a CSV file: each row created or refused on its own, the refusal with its reason.
            await page.Locator("#bulk summary").ClickAsync();
            const string Csv = "url,code,title,tags\r\nhttps://example.com/floods,bulk-floods,\"Floods, day one\",floods;pakistan\r\njavascript:alert(1),bulk-bad,,\r\nhttps://example.com/third,,Third,\r\n";
            await page.Locator("#bulk-file").SetInputFilesAsync(new FilePayload { Name = "links.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) });
            var results = page.Locator("#bulk-results tbody tr");
            await Assertions.Expect(results).ToHaveCountAsync(3);
            await Assertions.Expect(results.Nth(0)).ToContainTextAsync("created");
            await Assertions.Expect(results.Nth(1)).ToContainTextAsync("refused");
            await Assertions.Expect(results.Nth(1).Locator(".name")).ToContainTextAsync("http");
            await Assertions.Expect(results.Nth(2)).ToContainTextAsync("created");
            await Assertions.Expect(page.Locator("tr[data-link='bulk-floods']")).ToContainTextAsync("Floods, day one");
            await Assertions.Expect(page.Locator("tr[data-link='bulk-floods']")).ToContainTextAsync("tags: floods, pakistan");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, "desk-links.png"), FullPage = true });
            Assert.True(errors.Count == 0, "console errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }

    [Fact]
    public async Task Desk_IsServedUnderItsOwnPolicy_AndUnknownFilesAre404()
    {
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.ApiBase };

        var entry = await http.GetAsync("desk");
        var index = await http.GetAsync("desk/index.html");
        var script = await http.GetAsync("desk/desk.js");
        var missing = await http.GetAsync("desk/secrets.json");

        Assert.Equal(HttpStatusCode.Found, entry.StatusCode);
        Assert.Equal("/desk/index.html", entry.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html; charset=utf-8", index.Content.Headers.ContentType!.ToString());
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", index.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Upload addresses only for a key holder; the address names the one blob asked for, in the chosen section.
        const string Body = """{"section":"world","files":[{"name":"story.txt","size":100}]}""";
        var anonymous = await http.PostAsync("api/upload-grants", new StringContent(Body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var granted = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/upload-grants")
        {
            Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "x-functions-key", host.ApiKey } },
        });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var item = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
        Assert.Equal("world/story.txt", item.GetProperty("name").GetString());
        Assert.EndsWith($"/{host.Names.UploadsContainer}/world/story.txt", new Uri(item.GetProperty("url").GetString()!).AbsolutePath, StringComparison.Ordinal);
        // The desk's policy lets the page reach the storage account's blob endpoint, and nothing else off its origin.
        Assert.Contains($"connect-src 'self' {new Uri(item.GetProperty("url").GetString()!).GetLeftPart(UriPartial.Authority)};", index.Headers.GetValues("Content-Security-Policy").Single());
    }

    [BrowserFact]
    public async Task OpenDesk_LetsThisMachinesBrowserInWithoutAKey_ButNotAScriptWithoutTheHeader()
    {
        await using var open = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), new Dictionary<string, string> { ["DevHost__OpenDesk"] = "true" });
        await using var closed = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix());
        using var http = new HttpClient();
        Task<HttpResponseMessage> ReviewAsync(DevHostProcess host, bool header)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.ApiBase, "api/review"));
            if (header)
            {
                request.Headers.Add("x-pipeline-desk", "open");
            }

            return http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(open, header: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReviewAsync(open, header: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReviewAsync(closed, header: true)).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFactAttribute.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(open.ApiBase, "desk/index.html").ToString());
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Open desk");
        await Assertions.Expect(page.Locator("#upload-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Management key")).ToBeHiddenAsync();

        // A link made at the open desk is in the audit log as the local desk, not as a key holder.
        await page.Locator("#link-url").FillAsync("https://example.com/open-desk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit tbody tr").First).ToContainTextAsync("local desk (no sign-in)");
    }

    /// <summary>The id of the article held from the pilots upload, once both uploads are done.</summary>
    private static async Task<string> WaitForHeldAsync(HttpClient api)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound)
        {
            var review = JsonDocument.Parse(await api.GetStringAsync("api/review")).RootElement.GetProperty("items");
            var world = await api.GetAsync("api/uploads/world/two-articles.txt");
            if (review.GetArrayLength() == 1 && world.IsSuccessStatusCode && (await world.Content.ReadAsStringAsync()).Contains("\"state\":\"published\"", StringComparison.Ordinal))
            {
                return review[0].GetProperty("id").GetString()!;
            }

            await Task.Delay(250);
        }

        Assert.Fail("the uploads were not ingested in time");
        return string.Empty;
    }
}
