using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Pipeline.DevHost.Azurite;

/// <summary>
/// Azurite started from the repository's <c>node_modules</c> (installed with <c>npm ci</c> when missing), bound to
/// 127.0.0.1. Disposing it stops the process; an Azurite that was already running is left alone.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process? _process;

    private AzuriteProcess(AzuriteEndpoints endpoints, Process? process)
    {
        Endpoints = endpoints;
        _process = process;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>True when this object started Azurite (and will stop it).</summary>
    public bool Owned => _process is not null;

    /// <summary>The emulator's process id when this instance started it (benchmarks read its CPU time).</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Uses Azurite if it already listens on <paramref name="endpoints"/>; otherwise starts it.</summary>
    /// <param name="location">Folder for Azurite's data; null keeps everything in memory.</param>
    public static async Task<AzuriteProcess> EnsureRunningAsync(
        string repositoryRoot, AzuriteEndpoints endpoints, string? location, ILogger logger, CancellationToken cancellationToken)
    {
        if (await endpoints.AreListeningAsync(cancellationToken))
        {
            logger.LogInformation("Azurite is already listening on 127.0.0.1:{BlobPort}-{TablePort}; using it", endpoints.BlobPort, endpoints.TablePort);
            return new AzuriteProcess(endpoints, null);
        }

        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            logger.LogInformation("Azurite is not installed yet: running npm ci in {Root}", repositoryRoot);
            await RunNpmCiAsync(repositoryRoot, cancellationToken);
        }

        // In its own session (setsid), so the terminal's Ctrl+C reaches only the host, which stops its triggers
        // (releasing their blob leases) before it stops Azurite.
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var start = new ProcessStartInfo(setsid ?? "node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add("node");
        }

        // No access log and no telemetry: both cost the single event loop time on every request (telemetry about a
        // quarter of a table request's CPU, measured), and the emulator is what bounds a burst locally.
        foreach (var arg in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", endpoints.BlobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", endpoints.QueuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", endpoints.TablePort.ToString(),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node for Azurite");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (errors) { errors.AppendLine(e.Data); } } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await endpoints.AreListeningAsync(cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                var reason = process.HasExited ? $"exited with code {process.ExitCode}" : "did not open its ports in time";
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                string detail;
                lock (errors)
                {
                    detail = errors.ToString();
                }

                throw new InvalidOperationException($"Azurite {reason}. {detail}".Trim());
            }

            await Task.Delay(200, cancellationToken);
        }

        logger.LogInformation("Started Azurite on 127.0.0.1:{BlobPort}-{TablePort} ({Storage})",
            endpoints.BlobPort, endpoints.TablePort, location is null ? "in memory" : location);
        return new AzuriteProcess(endpoints, process);
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM), so it saves its data before exiting.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        // Azurite saves and exits once its clients' connections are closed; one that lingers gets killed after a while.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(arg);
        }

        using var process = Process.Start(npm) ?? throw new InvalidOperationException("could not start npm; is Node.js installed?");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {process.ExitCode}; run it in {root} to see why");
        }
    }
}
