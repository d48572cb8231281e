using System.Diagnostics;
using System.Text;
using Pipeline.DevHost.Azurite;
using Pipeline.Storage;

namespace Pipeline.Testing;

/// <summary>The local host started as its own process, as a developer runs it, on free ports and with its own storage names.</summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DevHostProcess(Process process, int apiPort, int sitePort, StorageOptions names, string apiKey)
    {
        _process = process;
        ApiKey = apiKey;
        ApiPort = apiPort;
        SitePort = sitePort;
        Names = names;
    }

    /// <summary>The management key this host was started with.</summary>
    public string ApiKey { get; }

    public int ApiPort { get; }
    public int SitePort { get; }

    /// <summary>The host's process id (for measuring its memory).</summary>
    public int ProcessId => _process.Id;
    public StorageOptions Names { get; }
    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort}/");
    public Uri SiteBase => new($"http://127.0.0.1:{SitePort}/");

    /// <summary>Everything the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<DevHostProcess> StartAsync(AzuriteFixture azurite, string prefix, IDictionary<string, string>? settings = null) =>
        StartAsync(azurite.ConnectionString, prefix, settings);

    public static async Task<DevHostProcess> StartAsync(string connectionString, string prefix, IDictionary<string, string>? settings = null)
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("tests must run inside the repository checkout");
        // The test runs from bin/<Configuration>/net10.0; the host of the same configuration sits in its own bin folder.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(root, "src", "Pipeline.DevHost", "bin", configuration, "net10.0", "Pipeline.DevHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build the solution first: the local host is not built", dll);
        }

        var ports = AzuriteEndpoints.FreePorts();
        var names = StorageOptions.Prefixed(prefix);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment[StorageNames.Connection] = connectionString;
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["DevHost__ApiPort"] = ports.BlobPort.ToString();
        start.Environment["DevHost__SitePort"] = ports.QueuePort.ToString();
        start.Environment["DevHost__SeedExamples"] = "false";
        foreach (var property in typeof(StorageOptions).GetProperties())
        {
            start.Environment[$"{StorageOptions.SectionName}__{property.Name}"] = (string?)property.GetValue(names);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var apiKey = settings is not null && settings.TryGetValue("DevHost__ApiKey", out var given) ? given : Guid.NewGuid().ToString("N");
        start.Environment["DevHost__ApiKey"] = apiKey;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the local host");
        var host = new DevHostProcess(process, ports.BlobPort, ports.QueuePort, names, apiKey);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!await AzuriteEndpoints.IsListeningAsync(host.ApiPort, CancellationToken.None) || !await AzuriteEndpoints.IsListeningAsync(host.SitePort, CancellationToken.None))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"the local host did not start:{Environment.NewLine}{host.Output}");
            }

            await Task.Delay(200);
        }

        return host;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Kills the host without warning, as a crash or a lost machine would.</summary>
    public async Task CrashAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
