using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.DevHost.Azurite;
using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// One Azurite for a test assembly: the one already listening on the default ports (as CI and a running local host
/// provide), else a private in-memory instance on free ports, started from the repository's node_modules.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.Endpoints.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("tests must run inside the repository checkout");
        var endpoints = await AzuriteEndpoints.Default.AreListeningAsync(CancellationToken.None)
            ? AzuriteEndpoints.Default
            : AzuriteEndpoints.FreePorts();
        _azurite = await AzuriteProcess.EnsureRunningAsync(root, endpoints, location: null, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A fresh prefix for one test's containers, tables and queue.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
