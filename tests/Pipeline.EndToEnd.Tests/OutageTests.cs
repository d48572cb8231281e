using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Uploads;
using Pipeline.DevHost.Azurite;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Storage and the host go down in the middle of a busy run; when they come back, nothing is lost or doubled.</summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private const int Files = 40;
    private const int ArticlesPerFile = 5;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    // Azurite stops only when its clients' connections are closed; this test's own clients must not keep any idle.
    private static readonly TimeSpan ShortLivedConnectionsIdle = TimeSpan.FromMilliseconds(200);
    private static readonly Azure.Core.Pipeline.HttpClientTransport ShortLivedConnections =
        new(new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = ShortLivedConnectionsIdle }));

    [Fact]
    public async Task Upload200Articles_StorageAndHostStopMidRun_EveryArticlePublishedExactlyOnce()
    {
        var root = RepositoryRoot.Find()!;
        var location = Directory.CreateTempSubdirectory("pipeline-outage-").FullName;
        var endpoints = AzuriteEndpoints.FreePorts();
        var prefix = AzuriteFixture.NewPrefix();
        var azurite = await AzuriteProcess.EnsureRunningAsync(root, endpoints, location, NullLogger.Instance, CancellationToken.None);
        var host = await DevHostProcess.StartAsync(endpoints.ConnectionString, prefix);
        try
        {
            var blobs = new BlobServiceClient(endpoints.ConnectionString, new BlobClientOptions { Transport = ShortLivedConnections });
            var tables = new TableServiceClient(endpoints.ConnectionString, new TableClientOptions { Transport = ShortLivedConnections });
            var uploads = blobs.GetBlobContainerClient(host.Names.UploadsContainer);
            var articles = tables.GetTableClient(host.Names.ArticlesTable);
            await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (file, ct) =>
                await uploads.GetBlobClient($"desk/file-{file:D2}.txt").UploadAsync(BinaryData.FromString(GeneratedArticles.File(file, ArticlesPerFile)), ct));

            // Let the pipeline get going, then crash the host and take storage down (Azurite saves its data on the way, as
            // Azure's storage is durable; it stops only once the host's connections are gone).
            var clock = Stopwatch.StartNew();
            while (await CountAsync(articles) < 30 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            var before = await CountAsync(articles);
            await host.CrashAsync();
            await Task.Delay(ShortLivedConnectionsIdle * 3);
            await azurite.StopAsync();
            output.WriteLine($"crashed the host and stopped storage with {before} of {Files * ArticlesPerFile} articles stored");

            azurite = await AzuriteProcess.EnsureRunningAsync(root, endpoints, location, NullLogger.Instance, CancellationToken.None);
            await host.DisposeAsync();
            host = await DevHostProcess.StartAsync(endpoints.ConnectionString, prefix);

            var statuses = tables.GetTableClient(host.Names.UploadsTable);
            List<TableEntity> rows = [];
            clock.Restart();
            while (clock.Elapsed < Bound)
            {
                rows = await articles.QueryAsync<TableEntity>(e => e.RowKey == "article").ToListAsync();
                var published = (await statuses.QueryAsync<TableEntity>().ToListAsync()).Count(s => s.GetString("State") == nameof(UploadState.Published));
                if (published == Files && rows.Count == Files * ArticlesPerFile && rows.All(r => r.GetInt32("RenderedVersion") == r.GetInt32("Version")))
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(Files * ArticlesPerFile, rows.Count);
            Assert.All(rows, r => Assert.Equal(1, r.GetInt32("Version")));
            Assert.All(rows, r => Assert.Equal(1, r.GetInt32("RenderedVersion")));

            var finalStatuses = await statuses.QueryAsync<TableEntity>().ToListAsync();
            Assert.Equal(Files, finalStatuses.Count);
            Assert.All(finalStatuses, s => Assert.Equal(nameof(UploadState.Published), s.GetString("State")));

            var links = await tables.GetTableClient(host.Names.ShortLinksTable).QueryAsync<TableEntity>(e => e.RowKey == "link").ToListAsync();
            Assert.Equal(rows.Count, links.Count);
            Assert.Equal(rows.Select(r => r.PartitionKey).Order(), links.Select(l => l.GetString("ArticleId")).Order());

            var site = blobs.GetBlobContainerClient(host.Names.SiteContainer);
            foreach (var row in rows)
            {
                Assert.True(await site.GetBlobClient(row.GetString("Path") + "index.html").ExistsAsync(), $"page of {row.GetString("Headline")}");
            }
        }
        finally
        {
            output.WriteLine(host.Output);
            await host.DisposeAsync();
            await azurite.DisposeAsync();
            Directory.Delete(location, recursive: true);
        }
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        try
        {
            return (await table.QueryAsync<TableEntity>(e => e.RowKey == "article").ToListAsync()).Count;
        }
        catch (Azure.RequestFailedException)
        {
            return 0;
        }
    }
}
