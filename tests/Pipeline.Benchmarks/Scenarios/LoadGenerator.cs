using System.Diagnostics;
using System.Net;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// A bounded HTTP load generator for 127.0.0.1: closed loop (N connections as fast as answers come) for throughput,
/// open loop (a fixed request rate) for latency. Every request must answer the expected status, or it counts as an error.
/// </summary>
public sealed class LoadGenerator(Uri url, HttpStatusCode expected, string userAgent) : IDisposable
{
    private const int MaxInFlightAtFixedRate = 512;

    private long _answered;

    /// <summary>Requests answered with the expected status so far, warm-up included.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { { "User-Agent", userAgent } },
    };

    /// <summary>Throughput and latency with <paramref name="connections"/> requests always in flight.</summary>
    public async Task<LoadResult> ClosedLoopAsync(int connections, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        await RunForAsync(connections, warmup, record: null, cancellationToken);
        var samples = Enumerable.Range(0, connections).Select(_ => new List<double>(65_536)).ToArray();
        var errors = new int[connections];
        var clock = Stopwatch.StartNew();
        await RunForAsync(connections, duration, (worker, ms, ok) =>
        {
            samples[worker].Add(ms);
            errors[worker] += ok ? 0 : 1;
        }, cancellationToken);
        return LoadResult.From(samples.SelectMany(s => s).ToList(), errors.Sum(), clock.Elapsed);
    }

    /// <summary>Latency when requests arrive at <paramref name="perSecond"/> regardless of how fast answers come.</summary>
    public async Task<LoadResult> FixedRateAsync(int perSecond, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        await ClosedLoopAsync(4, TimeSpan.Zero, warmup, cancellationToken);
        var total = (int)(perSecond * duration.TotalSeconds);
        var samples = new double[total];
        var failures = 0;
        var inFlight = new SemaphoreSlim(MaxInFlightAtFixedRate);
        var pending = new List<Task>(total);
        var interval = Stopwatch.Frequency / (double)perSecond;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * interval);
            var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(ahead, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    var (ms, ok) = await SendAsync(cancellationToken);
                    samples[index] = ms;
                    if (!ok)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(pending);
        return LoadResult.From(samples, failures, Stopwatch.GetElapsedTime(start));
    }

    private async Task RunForAsync(int connections, TimeSpan duration, Action<int, double, bool>? record, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
            {
                var (ms, ok) = await SendAsync(cancellationToken);
                record?.Invoke(worker, ms, ok);
            }
        }, cancellationToken)));
    }

    private async Task<(double Milliseconds, bool Ok)> SendAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var ok = response.StatusCode == expected;
            if (ok)
            {
                Interlocked.Increment(ref _answered);
            }

            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
        }
        catch (HttpRequestException)
        {
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, false);
        }
    }

    public void Dispose() => _client.Dispose();
}
