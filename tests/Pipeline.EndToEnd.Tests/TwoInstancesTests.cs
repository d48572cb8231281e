using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// Two instances of the app on one storage account at once, as Flex Consumption runs it when it scales out: a burst of
/// uploads and redirects on both must store, link and render every article exactly once, list all of them, and count
/// every click either instance served.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TwoInstancesTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Files = 40;
    private const int PerFile = 5;
    private const int Articles = Files * PerFile;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task TwoInstances_200ArticlesIn40FilesAtOnceAndRedirectsOnBoth_EachArticleOnceAndEveryClickCounted()
    {
        var prefix = AzuriteFixture.NewPrefix();
        // Both instances are one app: the same public addresses (in Azure they share the app settings).
        var settings = new Dictionary<string, string>
        {
            ["Pipeline__SiteBaseUrl"] = "https://news.example/",
            ["Pipeline__ShortLinkBaseUrl"] = "https://s.example/",
            ["ShortLinks__ClickFlushInterval"] = "00:00:02",
            ["DevHost__ApiKey"] = "two-instances-key",
            // Every request here comes from 127.0.0.1; the per-client lookup limit is not what this test is about.
            ["ShortLinks__LookupBurst"] = "10000",
        };
        await using var first = await DevHostProcess.StartAsync(azurite, prefix, settings);
        await using var second = await DevHostProcess.StartAsync(azurite, prefix, settings);
        var hosts = new[] { first, second };
        try
        {
            var blobs = new BlobServiceClient(azurite.ConnectionString);
            var uploads = blobs.GetBlobContainerClient(first.Names.UploadsContainer);
            var site = blobs.GetBlobContainerClient(first.Names.SiteContainer);
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(first.Names.ArticlesTable);

            await Task.WhenAll(Enumerable.Range(0, Files).Select(f =>
                uploads.GetBlobClient($"desk/burst-{f:D2}.txt").UploadAsync(BinaryData.FromString(GeneratedArticles.File(f, PerFile)))));
            var rows = await Rendered.WaitForArticlesAsync(table, Articles, Bound);

            // Stored once: one row per headline, each at version 1 with its own short link and page.
            var expected = Enumerable.Range(0, Files).SelectMany(f => Enumerable.Range(0, PerFile).Select(a => GeneratedArticles.Headline(f, a))).Order().ToList();
            Assert.Equal(expected, rows.Select(r => r.GetString("Headline")).Order().ToList());
            Assert.All(rows, r => Assert.Equal(1, r.GetInt32("Version")));
            Assert.Equal(Articles, rows.Select(r => r.GetString("ShortCode")).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(Articles, rows.Select(r => r.GetString("Path")).Distinct().Count());

            // Rendered once: no article page was written by both instances.
            var renders = hosts.SelectMany(h => RenderLine().Matches(h.Output).Select(m => m.Groups["id"].Value)).ToList();
            var twice = renders.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"rendered more than once: {string.Join(", ", twice)}");
            Assert.Equal(Articles, renders.Distinct().Count());
            output.WriteLine($"files ingested by each instance: {string.Join(" and ", hosts.Select(h => IngestLine().Count(h.Output)))}; " +
                $"pages rendered: {string.Join(" and ", hosts.Select(h => RenderLine().Count(h.Output)))}");

            // Listed completely once the listing refreshes of both instances have settled.
            var paths = rows.Select(r => r.GetString("Path")).ToList();
            var headlines = rows.Select(r => r.GetString("Headline")).ToList();
            await WaitUntilAsync(async () =>
            {
                var sitemaps = await ReadAllAsync(site, "sitemaps/");
                var search = await ReadAllAsync(site, "search/", ".json");
                return paths.All(p => sitemaps.Contains("https://news.example/" + p, StringComparison.Ordinal))
                    && headlines.All(h => search.Contains(JsonEncodedText.Encode(h).ToString(), StringComparison.Ordinal));
            }, "every article in the sitemaps and the search index");
            var feed = (await site.GetBlobClient("feed.xml").DownloadContentAsync()).Value.Content.ToString();
            var items = FeedLink().Matches(feed).Select(m => m.Groups["url"].Value).ToList();
            Assert.Equal(20, items.Count);
            Assert.Equal(items.Count, items.Distinct().Count());
            Assert.All(items, url => Assert.Contains(url["https://news.example/".Length..], paths));

            // Redirects on both instances: every article's link once on each, and five links under load on both.
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 32 })
            {
                // A reader's browser: requests without a user agent are counted as bots.
                DefaultRequestHeaders = { { "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" } },
            };
            var codes = rows.Select(r => (Code: r.GetString("ShortCode"), Path: r.GetString("Path"))).ToList();
            foreach (var host in hosts)
            {
                await Task.WhenAll(codes.Select(async link =>
                {
                    using var response = await http.GetAsync(new Uri(host.ApiBase, link.Code));
                    Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                    Assert.Equal(new Uri("https://news.example/" + link.Path), response.Headers.Location);
                }));
            }

            var hot = codes.Take(5).Select(c => c.Code).ToList();
            const int PerHostPerLink = 60;
            await Task.WhenAll(hosts.SelectMany(host => hot.Select(async code =>
            {
                for (var i = 0; i < PerHostPerLink; i++)
                {
                    using var response = await http.GetAsync(new Uri(host.ApiBase, code));
                    Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                }
            })));

            // Both flush every 2 s; wait for the counts to settle rather than guess.
            using var api = new HttpClient { BaseAddress = first.ApiBase, DefaultRequestHeaders = { { "x-functions-key", "two-instances-key" } } };
            var lastSeen = string.Empty;
            await WaitUntilAsync(async () =>
            {
                foreach (var (code, _) in codes)
                {
                    var want = 2 + (hot.Contains(code) ? 2 * PerHostPerLink : 0);
                    var clicks = JsonDocument.Parse(await api.GetStringAsync("api/links/" + code)).RootElement.GetProperty("clicks");
                    lastSeen = $"{code}: {clicks}, want {want} clicks";
                    if (clicks.GetProperty("clicks").GetInt64() != want)
                    {
                        return false;
                    }
                }

                return true;
            }, () => "every click of both instances stored; last seen " + lastSeen);
        }
        finally
        {
            output.WriteLine("first instance:" + Environment.NewLine + first.Output);
            output.WriteLine("second instance:" + Environment.NewLine + second.Output);
        }
    }

    [GeneratedRegex(@"Rendered article (?<id>[a-z0-9]+) version 1\b")]
    private static partial Regex RenderLine();

    [GeneratedRegex(@"Ingested desk/burst-\d+\.txt")]
    private static partial Regex IngestLine();

    [GeneratedRegex(@"<item>.*?<link>(?<url>[^<]+)</link>", RegexOptions.Singleline)]
    private static partial Regex FeedLink();

    private static async Task<string> ReadAllAsync(BlobContainerClient site, string prefix, string? suffix = null)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var blob in site.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            if (suffix is null || blob.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                text.Append((await site.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
            }
        }

        return text.ToString();
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => WaitUntilAsync(condition, () => what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"after {Bound.TotalSeconds:0} s, not yet: {what()}");
    }
}
