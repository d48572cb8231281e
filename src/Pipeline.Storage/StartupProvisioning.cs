using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Publishing;

namespace Pipeline.Storage;

/// <summary>
/// Makes a fresh account usable before the first request: once per instance, before the host's other services start
/// (the Functions worker's connection to its host among them), it creates the containers, tables and queues the
/// pipeline uses where they are missing, writes the theme's files (assets, 404 page, search page, robots.txt; files
/// that are already current are not rewritten) and, when the site has no home page yet, the home page. The same code
/// runs on the Functions host in Azure, under <c>func start</c> and on the local host.
/// </summary>
/// <remarks>
/// Start does not fail when storage refuses or is slow: an app that cannot start cannot answer either (and the Functions
/// host would restart it in a loop), while one that runs gives the reason in its answers. What could not be done is
/// logged as an error naming the resource and the fix.
/// </remarks>
public sealed partial class StartupProvisioning(StorageClients clients, SitePublisher publisher, ISiteStore site, ILogger<StartupProvisioning> logger)
    : IHostedLifecycleService, IDisposable
{
    /// <summary>
    /// How long start waits for provisioning. The Functions host gives a worker 60 s from launch to connect
    /// (<c>ProcessStartupTimeout</c>) and restarts it after that, so start must not wait for a slow account; what is
    /// not done by then goes on in the background, within <see cref="BackgroundBudget"/>.
    /// </summary>
    public static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(20);

    /// <summary>How long provisioning may take in all, storage's own retries included.</summary>
    public static readonly TimeSpan BackgroundBudget = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task<ProvisioningReport>? _run;

    /// <summary>The run at start, to wait for when a caller needs it finished (the local host before it seeds examples; tests).</summary>
    public Task<ProvisioningReport> Completion => _run ?? Task.FromResult(new ProvisioningReport([], false, ["provisioning has not run: the host has not started"]));

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _stopping.CancelAfter(BackgroundBudget);
        _run = RunAsync(_stopping.Token);
        try
        {
            await _run.WaitAsync(StartBudget, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogSlow(StartBudget.TotalSeconds);
        }
    }

    private async Task<ProvisioningReport> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ProvisionAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            var report = new ProvisioningReport([], false, [$"provisioning did not finish within {BackgroundBudget.TotalMinutes:0} minutes or the host stopped"]);
            LogProblem(report.Problems[0]);
            return report;
        }
    }

    /// <summary>Creates what is missing and writes the site's skeleton; safe to run any number of times, on any number of instances.</summary>
    public async Task<ProvisioningReport> ProvisionAsync(CancellationToken cancellationToken)
    {
        // Each resource answers (created?, problem?); the lists are built from the answers, not shared between tasks.
        var outcomes = await Task.WhenAll(clients.Resources().Select(resource => CreateIfMissingAsync(resource, cancellationToken)));
        var created = outcomes.Where(o => o.Created).Select(o => o.Name).ToList();
        var problems = outcomes.Select(o => o.Problem).OfType<string>().ToList();

        var wroteHome = false;
        if (problems.Count == 0)
        {
            try
            {
                var hasHome = await site.GetInfoAsync(SitePaths.Home, cancellationToken) is not null;
                await publisher.PublishThemeAsync(includeHome: !hasHome, cancellationToken);
                wroteHome = !hasHome;
            }
            catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
            {
                problems.Add($"the site's skeleton could not be written: {ex.Message}");
            }
        }

        var report = new ProvisioningReport(created, wroteHome, problems);
        if (created.Count > 0)
        {
            LogCreated(string.Join(", ", created));
        }

        foreach (var problem in problems)
        {
            LogProblem(problem);
        }

        LogDone(created.Count, wroteHome, problems.Count);
        return report;
    }

    private async Task<(string Name, bool Created, string? Problem)> CreateIfMissingAsync(StorageResource resource, CancellationToken cancellationToken)
    {
        try
        {
            // Asked first with read rights only: in Azure the app may read `articles` and `templates` but not create
            // them (infra/ does), and a create call it may not make answers 403 even when the container is there.
            if (await resource.ExistsAsync(cancellationToken))
            {
                return (resource.Name, false, null);
            }

            return (resource.Name, await resource.CreateIfMissingAsync(cancellationToken), null);
        }
        catch (RequestFailedException ex)
        {
            return (resource.Name, false, ex.Status == 403
                ? $"{resource.Kind} '{resource.Name}' is missing and this identity may not create it ({ex.ErrorCode}); deploy infra/ or grant the app's identity the Storage {resource.Kind} Data Contributor role"
                : $"{resource.Kind} '{resource.Name}' could not be checked: {ex.Status} {ex.ErrorCode}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning is not done after {Seconds} s; the host starts and it goes on in the background")]
    private partial void LogSlow(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning created {Resources}")]
    private partial void LogCreated(string resources);

    [LoggerMessage(Level = LogLevel.Error, Message = "Provisioning: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning done: {Created} created, home page written {WroteHome}, {Problems} problems")]
    private partial void LogDone(int created, bool wroteHome, int problems);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();
}

/// <summary>What one provisioning run did: resources it created, whether it wrote the home page, what it could not do.</summary>
public sealed record ProvisioningReport(IReadOnlyList<string> Created, bool WroteHome, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
