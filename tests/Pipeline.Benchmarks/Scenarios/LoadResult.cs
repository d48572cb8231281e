using Pipeline.Benchmarks.Harness;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(int Requests, int Errors, double PerSecond, double P50Milliseconds, double P99Milliseconds)
{
    public static LoadResult From(IReadOnlyList<double> latencies, int errors, TimeSpan elapsed) => new(
        latencies.Count,
        errors,
        latencies.Count / elapsed.TotalSeconds,
        latencies.Count == 0 ? double.NaN : Statistics.Percentile(latencies, 50),
        latencies.Count == 0 ? double.NaN : Statistics.Percentile(latencies, 99));

    public override string ToString() => $"{PerSecond:0} req/s, p50 {P50Milliseconds:0.00} ms, p99 {P99Milliseconds:0.00} ms, {Errors} errors of {Requests}";
}
