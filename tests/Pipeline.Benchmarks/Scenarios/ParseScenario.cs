using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pipeline.Benchmarks.Harness;
using Pipeline.Core.Parsing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>Page-text parse throughput on one core, measured by BenchmarkDotNet in process.</summary>
public sealed class ParseScenario : IScenario
{
    private const double TargetMegabytesPerSecond = 100;

    public string Name => "parse";

    public string Description => "page-text parse throughput (MB/s, one core) over ~10 MB of real-shaped pages";

    public Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var corpus = PageTextCorpus.Build();
        var articles = new PageTextParser().Parse(corpus, new ParseContext("corpus.txt", DateTimeOffset.UtcNow) { MaxBytes = long.MaxValue }).Articles.Count;

        // In process: the parser is single-threaded, so one benchmark thread on one core is the figure asked for.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5)
            .WithIterationCount(args.Contains("--quick") ? 5 : 30)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithAffinity(1);
        var config = ManualConfig.CreateEmpty().AddJob(job).AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<PageTextParseBenchmark>(config);
        var report = summary.Reports.Single();
        var rates = report.AllMeasurements
            .Where(m => m is { IterationMode: IterationMode.Workload, IterationStage: IterationStage.Result })
            .Select(m => corpus.Length / (m.Nanoseconds / m.Operations / 1e9) / 1e6)
            .ToList();
        if (rates.Count == 0)
        {
            throw new InvalidOperationException("BenchmarkDotNet produced no measurements: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        }

        return Task.FromResult(new ScenarioResult(
            "page-text parse throughput",
            "MB/s",
            Statistics.Median(rates),
            rates.Min(),
            rates.Max(),
            rates.Count,
            Anchor: null,
            AnchorValue: null,
            Target: $">= {TargetMegabytesPerSecond} MB/s (1 MB = 10^6 bytes)",
            Details: new Dictionary<string, double>
            {
                ["corpus MB"] = corpus.Length / 1e6,
                ["articles per parse"] = articles,
                ["p10 MB/s"] = Statistics.Percentile(rates, 10),
                ["p90 MB/s"] = Statistics.Percentile(rates, 90),
            }));
    }
}
