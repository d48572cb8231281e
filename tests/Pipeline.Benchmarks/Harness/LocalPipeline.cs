using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.DevHost.Azurite;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Harness;

/// <summary>A private Azurite (in memory, free ports) and the local host on it: the pipeline a scenario measures end to end.</summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private LocalPipeline(AzuriteProcess azurite, DevHostProcess host)
    {
        Azurite = azurite;
        Host = host;
        Blobs = new BlobServiceClient(azurite.Endpoints.ConnectionString);
    }

    public AzuriteProcess Azurite { get; }
    public DevHostProcess Host { get; }
    public BlobServiceClient Blobs { get; }
    public BlobContainerClient Uploads => Blobs.GetBlobContainerClient(Host.Names.UploadsContainer);
    public BlobContainerClient Site => Blobs.GetBlobContainerClient(Host.Names.SiteContainer);

    public static async Task<LocalPipeline> StartAsync()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("run the benchmarks from the repository checkout");
        var azurite = await AzuriteProcess.EnsureRunningAsync(root, AzuriteEndpoints.FreePorts(), location: null, NullLogger.Instance, CancellationToken.None);
        var host = await DevHostProcess.StartAsync(azurite.Endpoints.ConnectionString, AzuriteFixture.NewPrefix());
        return new LocalPipeline(azurite, host);
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
        await Host.DisposeAsync();
        await Azurite.StopAsync();
        await Azurite.DisposeAsync();
    }
}
