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
}
