using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The whole pipeline as a newcomer runs it: the local host process, an upload, and a reader's browser-free view of the result.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task UploadTwoArticleFile_PagesHomeRowsAndShortLinksAllWork()
    {
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix());
        try
        {
            var blobs = new BlobServiceClient(azurite.ConnectionString);
            var uploads = blobs.GetBlobContainerClient(host.Names.UploadsContainer);
            var site = blobs.GetBlobContainerClient(host.Names.SiteContainer);
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.Names.ArticlesTable);

            await uploads.GetBlobClient("desk/two-articles.txt").UploadAsync(new BinaryData(TestFiles.Read("two-articles.txt")));

            var rows = await Rendered.WaitForArticlesAsync(table, 2, Bound);
            Assert.Equal(
                ["Flood barrier trial keeps river town dry during spring tide", "Library reopens after two-year renovation with longer hours"],
                rows.Select(r => r.GetString("Headline")).Order());

            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            var home = await Rendered.WaitForHomeListingAsync(http, host.SiteBase, rows.Select(r => r.GetString("Headline")), Bound);
            foreach (var row in rows)
            {
                var path = row.GetString("Path");
                Assert.True(await site.GetBlobClient(path + "index.html").ExistsAsync(), $"page {path} is in the site container");
                Assert.Contains(WebUtility.HtmlEncode(row.GetString("Headline")), home);

                var page = await http.GetAsync(new Uri(host.SiteBase, path));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
                Assert.Contains($"<h1>{WebUtility.HtmlEncode(row.GetString("Headline"))}</h1>", await page.Content.ReadAsStringAsync());

                var redirect = await http.GetAsync(new Uri(host.ApiBase, row.GetString("ShortCode")));
                Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
                Assert.Equal(new Uri(host.SiteBase, path), redirect.Headers.Location);
            }

            var missing = await http.GetAsync(new Uri(host.SiteBase, "no/such/page/"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());

            // Management needs the key; with it, the upload's status lists both articles.
            var status = new Uri(host.ApiBase, "api/uploads/desk/two-articles.txt");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(status)).StatusCode);
            using var authorized = new HttpRequestMessage(HttpMethod.Get, status) { Headers = { { "x-functions-key", host.ApiKey } } };
            var upload = await http.SendAsync(authorized);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            Assert.Contains("\"state\":\"published\"", await upload.Content.ReadAsStringAsync());

            // Unpublishing takes the page down: its URL answers 410 with the removal notice.
            var gone = rows[0];
            using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(host.ApiBase, "api/articles/" + gone.PartitionKey)) { Headers = { { "x-functions-key", host.ApiKey } } };
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(delete)).StatusCode);
            var removedPage = new Uri(host.SiteBase, gone.GetString("Path"));
            var removed = await WaitForStatusAsync(http, removedPage, HttpStatusCode.Gone);
            Assert.Contains("This article was removed", await removed.Content.ReadAsStringAsync());
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }

    private static async Task<HttpResponseMessage> WaitForStatusAsync(HttpClient http, Uri url, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await http.GetAsync(url);
            if (response.StatusCode == expected || clock.Elapsed > Bound)
            {
                Assert.Equal(expected, response.StatusCode);
                return response;
            }

            await Task.Delay(250);
        }
    }
}
