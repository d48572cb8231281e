using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.DevHost.Azurite;
using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// One Azurite for a test assembly: its own, in memory, on free ports, started from the repository's node_modules, so
/// a test never reads what another run (or a running local host) left in an emulator, and account-wide settings (CORS)
/// are the assembly's own. With <c>PIPELINE_AZURITE=reuse</c> it uses the emulator already listening on
/// 127.0.0.1:10000-10002 instead (when there is one). Either way it says which on standard error.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ReuseVariable = "PIPELINE_AZURITE";

    private AzuriteProcess? _azurite;

    /// <summary>The emulator's process id when the fixture started it; null when it reuses one.</summary>
    public int? ProcessId => _azurite?.ProcessId;

    public string ConnectionString => _azurite?.Endpoints.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("tests must run inside the repository checkout");
        var reuse = string.Equals(Environment.GetEnvironmentVariable(ReuseVariable), "reuse", StringComparison.OrdinalIgnoreCase)
            && await AzuriteEndpoints.Default.AreListeningAsync(CancellationToken.None);
        var endpoints = reuse ? AzuriteEndpoints.Default : AzuriteEndpoints.FreePorts();
        _azurite = await AzuriteProcess.EnsureRunningAsync(root, endpoints, location: null, NullLogger.Instance, CancellationToken.None);
        await Console.Error.WriteLineAsync(reuse
            ? $"tests: using the Azurite already listening on 127.0.0.1:{endpoints.BlobPort}-{endpoints.TablePort} ({ReuseVariable}=reuse)"
            : $"tests: started an in-memory Azurite on 127.0.0.1:{endpoints.BlobPort}/{endpoints.QueuePort}/{endpoints.TablePort}");
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
