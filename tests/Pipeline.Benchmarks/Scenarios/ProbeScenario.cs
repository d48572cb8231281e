using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Benchmarks.Harness;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// A hot link's latency at a fixed rate while clients request made-up codes (3 000 distinct ones over 200 connections),
/// next to the same figure with nobody probing; and how long a reader of a cold real link waits meanwhile. Two probes:
/// one client (the per-client limit on storage lookups answers it 429 after its burst) and 3 000 clients, one code
/// each (the limit cannot tell them from readers; the unknown-code cache apart from real links and the shared
/// lookup per code are what keep the hot link fast). Clients are told apart by X-Forwarded-For, as behind App Service.
/// </summary>
public sealed class ProbeScenario : IScenario
{
    public string Name => "probe";

    public string Description => "hot-link p99 while 3 000 unknown codes are requested vs idle; options: --codes n --connections n --rate n --runs n";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var codes = RedirectScenario.Option(args, "--codes", 3000);
        var connections = RedirectScenario.Option(args, "--connections", 200);
        var rate = RedirectScenario.Option(args, "--rate", 500);
        var runs = RedirectScenario.Option(args, "--runs", 3);

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), new Dictionary<string, string>
            {
                ["ShortLinks__ClientAddressHeader"] = "X-Forwarded-For",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            var hot = await CreateLinkAsync(host, "https://example.com/hot-story", cancellationToken);
            Console.WriteLine($"Local host on {host.ApiBase}, hot link /{hot}");
            using var hotLoad = new LoadGenerator(new Uri(host.ApiBase, hot), HttpStatusCode.Found, RedirectScenario.Browser);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, MaxConnectionsPerServer = 1024 })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };

            var duration = TimeSpan.FromSeconds(8);
            var warmup = TimeSpan.FromSeconds(2);
            var idle = new List<double>();
            var oneClient = new List<double>();
            var manyClients = new List<double>();
            var coldOne = new List<double>();
            var coldMany = new List<double>();
            var noRoute = new List<double>();
            var coldNoRoute = new List<double>();
            var answers = new Dictionary<string, double>();
            for (var run = 1; run <= runs; run++)
            {
                var quiet = await hotLoad.FixedRateAsync(rate, warmup, duration, cancellationToken);
                idle.Add(quiet.P99Milliseconds);
                Console.WriteLine($"run {run} idle:         hot {quiet}");

                foreach (var (label, distinct, sink, cold) in new[]
                {
                    ("one client", false, oneClient, coldOne),
                    ("3000 clients", true, manyClients, coldMany),
                    // The same traffic to a path no function takes (the host's bare 404): what the requests cost this
                    // machine before the app does anything with them.
                    ("no route", true, noRoute, coldNoRoute),
                })
                {
                    var coldCode = await CreateLinkAsync(host, $"https://example.com/cold-{run}-{distinct}", cancellationToken);
                    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var hotTask = hotLoad.FixedRateAsync(rate, TimeSpan.Zero, duration, cancellationToken);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    var probe = ProbeAsync(client, host.ApiBase, run, codes, connections, distinct, label == "no route", cancellationToken);
                    await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
                    var coldClock = Stopwatch.StartNew();
                    using var coldRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(host.ApiBase, coldCode)) { Headers = { { "X-Forwarded-For", "192.0.2.200" } } };
                    using var coldAnswer = await client.SendAsync(coldRequest, cancellationToken);
                    var coldMs = coldClock.Elapsed.TotalMilliseconds;
                    var statuses = await probe;
                    var busy = await hotTask;
                    sink.Add(busy.P99Milliseconds);
                    cold.Add(coldMs);
                    foreach (var (status, count) in statuses)
                    {
                        var key = $"{label}: probe answers {status}";
                        answers[key] = answers.GetValueOrDefault(key) + count / (double)runs;
                    }

                    Console.WriteLine($"run {run} {label,-13} hot {busy}; cold real link {(int)coldAnswer.StatusCode} in {coldMs:0} ms; probe " +
                        string.Join(", ", statuses.Select(s => $"{s.Value}×{s.Key}")));
                }
            }

            var details = new Dictionary<string, double>
            {
                ["hot p99 ms idle"] = Statistics.Median(idle),
                ["hot p99 ms, one client probing"] = Statistics.Median(oneClient),
                ["hot p99 ms, 3000 clients probing"] = Statistics.Median(manyClients),
                ["cold link ms, one client probing"] = Statistics.Median(coldOne),
                ["cold link ms, 3000 clients probing"] = Statistics.Median(coldMany),
                ["hot p99 ms, the same traffic to no route"] = Statistics.Median(noRoute),
                ["worse probe / no-route traffic (median of per-run ratios)"] = Statistics.Median(
                    oneClient.Zip(manyClients, Math.Max).Zip(noRoute, (probe, bare) => probe / bare).ToList()),
            };
            foreach (var (key, value) in answers)
            {
                details[key] = value;
            }

            var worst = oneClient.Zip(manyClients, Math.Max).ToList();
            return new ScenarioResult(
                $"hot link p99 at {rate} req/s while {codes} unknown codes are requested over {connections} connections (worse of the two probes)",
                "ms",
                Statistics.Median(worst),
                worst.Min(),
                worst.Max(),
                runs,
                "the same hot link with nobody probing, same run",
                Statistics.Median(idle),
                "<= 2 x idle",
                details);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Requests <paramref name="codes"/> made-up codes, <paramref name="connections"/> at a time; returns the answers by status.</summary>
    private static async Task<Dictionary<int, int>> ProbeAsync(HttpClient client, Uri api, int run, int codes, int connections, bool distinctClients, bool noRoute, CancellationToken cancellationToken)
    {
        var next = -1;
        var statuses = new int[600];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < codes)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, noRoute ? $"no/route/{run}/{i}" : $"zz{run}{i:D5}q"));
                request.Headers.Add("X-Forwarded-For", distinctClients ? $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}" : "198.51.100.7");
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    Interlocked.Increment(ref statuses[(int)response.StatusCode]);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref statuses[0]);
                }
            }
        }, cancellationToken)));
        return Enumerable.Range(0, statuses.Length).Where(s => statuses[s] > 0).ToDictionary(s => s, s => statuses[s]);
    }

    private static async Task<string> CreateLinkAsync(DevHostProcess host, string url, CancellationToken cancellationToken)
    {
        using var api = new HttpClient { BaseAddress = host.ApiBase, DefaultRequestHeaders = { { "x-functions-key", host.ApiKey } } };
        var response = await api.PostAsJsonAsync("api/links", new { url }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("code").GetString()!;
    }
}
