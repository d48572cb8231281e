using System.Diagnostics;
using Azure.Data.Tables;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Waiting, bounded, for the local host to ingest and render uploaded articles.</summary>
internal static class Rendered
{
    /// <summary>The article rows once <paramref name="count"/> exist and all are rendered; asserts when the bound passes first.</summary>
    public static async Task<List<TableEntity>> WaitForArticlesAsync(TableClient articles, int count, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        List<TableEntity> rows = [];
        while (clock.Elapsed < bound)
        {
            rows = await articles.QueryAsync<TableEntity>(e => e.RowKey == "article").ToListAsync();
            if (rows.Count == count && rows.All(r => r.GetInt32("RenderedVersion") >= 1))
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(rows.Count == count, $"expected {count} article rows, found {rows.Count}");
        Assert.All(rows, r => Assert.True(r.GetInt32("RenderedVersion") >= 1, $"{r.GetString("Headline")} was not rendered"));
        return rows;
    }

    /// <summary>
    /// The home page once it lists every headline: listings are refreshed by their own queued step after the article
    /// pages, so a reader may see an article's page a moment before the home page links it. Asserts when the bound passes.
    /// </summary>
    public static async Task<string> WaitForHomeListingAsync(HttpClient http, Uri home, IEnumerable<string> headlines, TimeSpan bound)
    {
        var wanted = headlines.Select(h => System.Net.WebUtility.HtmlEncode(h) ?? string.Empty).ToList();
        var clock = Stopwatch.StartNew();
        var page = string.Empty;
        while (clock.Elapsed < bound)
        {
            using var response = await http.GetAsync(home);
            page = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && wanted.All(h => page.Contains(h, StringComparison.Ordinal)))
            {
                return page;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"after {bound.TotalSeconds:0} s the home page still misses {string.Join(", ", wanted.Where(h => !page.Contains(h, StringComparison.Ordinal)))}");
        return page;
    }
}
