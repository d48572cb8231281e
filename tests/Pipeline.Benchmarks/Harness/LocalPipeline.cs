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

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
