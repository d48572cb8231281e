using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Benchmarks.Harness;
using Pipeline.DevHost.Azurite;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// <c>GET /{code}</c> on the local host (Release build, against Azurite) for a hot link, next to a bare Kestrel fixed
/// 302 measured by the same load generator in the same run: throughput with many connections, then latency at a fixed
/// 1 000 req/s.
/// </summary>
public sealed class RedirectScenario : IScenario
{
    internal const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    public string Name => "redirect";

    public string Description => "short-link redirect on the local host vs bare Kestrel 302 (req/s, p99); options: --duration s --connections n --runs n --rate n";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 2 && args[0] == BareRedirectServer.Argument)
        {
            await BareRedirectServer.ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture), cancellationToken);
            Environment.Exit(0);
        }

        var duration = TimeSpan.FromSeconds(Option(args, "--duration", 10));
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
        var connections = Option(args, "--connections", 64);
        var runs = Option(args, "--runs", 5);
        var rate = Option(args, "--rate", 1000);

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var barePort = AzuriteEndpoints.FreePorts().BlobPort;
        using var bare = BareRedirectServer.Start(barePort);
        try
        {
            await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), new Dictionary<string, string>
            {
                ["ShortLinks__ClickFlushInterval"] = "00:00:02",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            await WaitForAsync(barePort, cancellationToken);
            var code = await CreateLinkAsync(host.ApiBase, host.ApiKey, cancellationToken);
            Console.WriteLine($"Local host on {host.ApiBase}, hot link /{code}; bare Kestrel on 127.0.0.1:{barePort}");

            using var hosted = new LoadGenerator(new Uri(host.ApiBase, code), HttpStatusCode.Found, Browser);
            using var anchor = new LoadGenerator(new Uri($"http://127.0.0.1:{barePort}/{code}"), HttpStatusCode.Found, Browser);
            var hostRuns = new List<LoadResult>();
            var bareRuns = new List<LoadResult>();
            for (var run = 1; run <= runs; run++)
            {
                // Alternate which goes first, so neither always meets a warmer (or hotter) machine.
                foreach (var (name, generator, results) in run % 2 == 1
                    ? new[] { ("bare", anchor, bareRuns), ("host", hosted, hostRuns) }
                    : new[] { ("host", hosted, hostRuns), ("bare", anchor, bareRuns) })
                {
                    var result = await generator.ClosedLoopAsync(connections, warmup, duration, cancellationToken);
                    results.Add(result);
                    Console.WriteLine($"run {run} {name,-4} {connections} connections: {result}");
                }
            }

            var bareFixed = await anchor.FixedRateAsync(rate, warmup, duration, cancellationToken);
            Console.WriteLine($"bare at {rate} req/s: {bareFixed}");
            var hostFixed = await hosted.FixedRateAsync(rate, warmup, duration, cancellationToken);
            Console.WriteLine($"host at {rate} req/s: {hostFixed}");

            var stored = await StoredClicksAsync(host.ApiBase, host.ApiKey, code, cancellationToken);
            var sent = hosted.Answered;
            var throughput = hostRuns.Select(r => r.PerSecond).ToList();
            return new ScenarioResult(
                "redirect throughput, GET /{code} on the local host (hot link)",
                "req/s",
                Statistics.Median(throughput),
                throughput.Min(),
                throughput.Max(),
                runs,
                $"bare Kestrel fixed 302, same run and load generator ({connections} connections, {duration.TotalSeconds:0} s after {warmup.TotalSeconds:0} s warm-up)",
                Statistics.Median(bareRuns.Select(r => r.PerSecond).ToList()),
                $">= 0.7 x bare throughput; p99 <= 5 ms at {rate} req/s",
                new Dictionary<string, double>
                {
                    // Each run measures both servers back to back, so a per-run ratio cancels most of the load other
                    // processes put on a shared machine between runs.
                    ["median of per-run ratios"] = Statistics.Median(hostRuns.Zip(bareRuns, (h, b) => h.PerSecond / b.PerSecond).ToList()),
                    ["host p99 ms (closed loop)"] = Statistics.Median(hostRuns.Select(r => r.P99Milliseconds).ToList()),
                    ["bare p99 ms (closed loop)"] = Statistics.Median(bareRuns.Select(r => r.P99Milliseconds).ToList()),
                    [$"host p50 ms at {rate} req/s"] = hostFixed.P50Milliseconds,
                    [$"host p99 ms at {rate} req/s"] = hostFixed.P99Milliseconds,
                    [$"bare p50 ms at {rate} req/s"] = bareFixed.P50Milliseconds,
                    [$"bare p99 ms at {rate} req/s"] = bareFixed.P99Milliseconds,
                    ["host errors"] = hostRuns.Sum(r => r.Errors) + hostFixed.Errors,
                    ["bare errors"] = bareRuns.Sum(r => r.Errors) + bareFixed.Errors,
                    ["redirects answered (warm-up included)"] = sent,
                    ["clicks stored by the host"] = stored,
                });
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
            await bare.WaitForExitAsync(CancellationToken.None);
            await azurite.DisposeAsync();
        }
    }

    /// <summary>The management API needs the host's key; the redirect being measured does not.</summary>
    private static HttpClient ApiClient(Uri api, string key) => new() { BaseAddress = api, DefaultRequestHeaders = { { "x-functions-key", key } } };

    private static async Task<string> CreateLinkAsync(Uri api, string key, CancellationToken cancellationToken)
    {
        using var client = ApiClient(api, key);
        var response = await client.PostAsJsonAsync("api/links", new { url = "https://example.com/hot-story?id=1" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return json.GetProperty("code").GetString()!;
    }

    /// <summary>Clicks the local host stored for the link, after its flush interval has passed twice.</summary>
    private static async Task<long> StoredClicksAsync(Uri api, string key, string code, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        using var client = ApiClient(api, key);
        var json = await client.GetFromJsonAsync<JsonElement>($"api/links/{code}", cancellationToken);
        return json.GetProperty("clicks").GetProperty("clicks").GetInt64();
    }

    private static async Task WaitForAsync(int port, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await AzuriteEndpoints.IsListeningAsync(port, cancellationToken))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"the bare server did not start on port {port}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
