using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pipeline.Benchmarks.Harness;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// <c>render</c>: time to render one article page from its template (BenchmarkDotNet). No other generator is timed in
/// this run, so none is compared: a figure from elsewhere, turned into a ratio, would not be a measurement.
/// </summary>
public sealed class RenderScenario : IScenario
{
    public string Name => "render";

    public string Description => "article page render, template only (BenchmarkDotNet); target ≤ 0.1 ms";

    public Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // In-process: no generated project to restore and build, and the timing is the same code path.
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        var summary = BenchmarkRunner.Run<ArticlePageBenchmark>(config);
        var statistics = summary.Reports.Single().ResultStatistics
            ?? throw new InvalidOperationException("the benchmark produced no measurements");
        var setup = new ArticlePageBenchmark();
        setup.Setup();
        const double NsPerMs = 1_000_000;
        return Task.FromResult(new ScenarioResult(
            "article page render (template only)",
            "ms/page",
            statistics.Median / NsPerMs,
            statistics.Min / NsPerMs,
            statistics.Max / NsPerMs,
            statistics.N,
            null,
            null,
            "≤ 0.1 ms/page",
            new Dictionary<string, double>
            {
                ["pages per second (median)"] = 1_000 / (statistics.Median / NsPerMs),
                ["page size (KB)"] = setup.PageBytes / 1024.0,
                ["allocated per page (KB)"] = (summary.Reports.Single().GcStats.GetBytesAllocatedPerOperation(summary.Reports.Single().BenchmarkCase) ?? 0) / 1024.0,
            }));
    }
}
