using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.DevHost.Azurite;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Harness;

/// <summary>A private Azurite (in memory, free ports) and the local host on it: the pipeline a scenario measures end to end.</summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private LocalPipeline(AzuriteProcess azurite, IReadOnlyList<DevHostProcess> hosts)
    {
        Azurite = azurite;
        Hosts = hosts;
        Host = hosts[0];
        Blobs = new BlobServiceClient(azurite.Endpoints.ConnectionString);
    }

    public AzuriteProcess Azurite { get; }
    public DevHostProcess Host { get; }

    /// <summary>Every instance of the app; all share one storage prefix and the same public addresses, as a scaled-out app does.</summary>
    public IReadOnlyList<DevHostProcess> Hosts { get; }
    public BlobServiceClient Blobs { get; }
    public BlobContainerClient Uploads => Blobs.GetBlobContainerClient(Host.Names.UploadsContainer);
    public BlobContainerClient Site => Blobs.GetBlobContainerClient(Host.Names.SiteContainer);

    public static async Task<LocalPipeline> StartAsync(int instances = 1)
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("run the benchmarks from the repository checkout");
        var azurite = await AzuriteProcess.EnsureRunningAsync(root, AzuriteEndpoints.FreePorts(), location: null, NullLogger.Instance, CancellationToken.None);
        var prefix = AzuriteFixture.NewPrefix();
        var first = await DevHostProcess.StartAsync(azurite.Endpoints.ConnectionString, prefix);
        var hosts = new List<DevHostProcess> { first };
        for (var i = 1; i < instances; i++)
        {
            hosts.Add(await DevHostProcess.StartAsync(azurite.Endpoints.ConnectionString, prefix, new Dictionary<string, string>
            {
                ["Pipeline__SiteBaseUrl"] = first.SiteBase.ToString(),
                ["Pipeline__ShortLinkBaseUrl"] = first.ApiBase.ToString(),
                ["DevHost__ApiKey"] = first.ApiKey,
            }));
        }

        return new LocalPipeline(azurite, hosts);
    }

    /// <summary>Uploads published and failed so far, and articles whose page is live: what a scenario waits for.</summary>
    public async Task<(int Published, int Failed, int Live)> ProgressAsync(CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(Azurite.Endpoints.ConnectionString);
        var states = await tables.GetTableClient(Host.Names.UploadsTable).QueryAsync<TableEntity>(select: ["State"], cancellationToken: cancellationToken)
            .Select(s => s.GetString("State")).ToListAsync(cancellationToken);
        var live = await tables.GetTableClient(Host.Names.ArticlesTable).QueryAsync<TableEntity>(e => e.RowKey == "article", select: ["RenderedVersion"], cancellationToken: cancellationToken)
            .CountAsync(r => r.GetInt32("RenderedVersion") >= 1, cancellationToken);
        return (states.Count(s => s == "Published"), states.Count(s => s == "Failed"), live);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }

        await Azurite.StopAsync();
        await Azurite.DisposeAsync();
    }
}
