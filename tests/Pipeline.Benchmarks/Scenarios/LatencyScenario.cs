using System.Diagnostics;
using Pipeline.Benchmarks.Harness;
using Pipeline.Core.Text;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>Upload → page live for one article at a time on the local host: what an editor waits after pressing upload.</summary>
public sealed class LatencyScenario : IScenario
{
    public string Name => "latency";

    public string Description => "upload → page live, one article at a time, local host (default 40 uploads)";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 40;
        await using var pipeline = await LocalPipeline.StartAsync();
        var seconds = new List<double>();
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var text = GeneratedArticles.File(1000 + i, 1);
            var slug = Slug.From(GeneratedArticles.Headline(1000 + i, 0));
            var uploaded = Stopwatch.StartNew();
            await pipeline.Uploads.GetBlobClient($"latency/{i}.txt").UploadAsync(BinaryData.FromString(text), cancellationToken);
            var page = pipeline.Site.GetBlobClient($"{DateTime.UtcNow:yyyy'/'MM'/'dd}/{slug}/index.html");
            while (!await page.ExistsAsync(cancellationToken) && uploaded.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20, cancellationToken);
            }

            seconds.Add(uploaded.Elapsed.TotalSeconds);
            Console.WriteLine($"  upload {i + 1}/{count}: {uploaded.Elapsed.TotalSeconds:0.000} s");
            await Task.Delay(Random.Shared.Next(100, 600), cancellationToken);
        }

        return new ScenarioResult(
            "upload → page live (one article, local host)", "s",
            Statistics.Median(seconds), seconds.Min(), seconds.Max(), seconds.Count,
            "polling blob trigger: up to minutes", null, "p50 ≤ 2 s, p99 ≤ 5 s",
            new Dictionary<string, double> { ["p99 s"] = Statistics.Percentile(seconds, 99), ["p90 s"] = Statistics.Percentile(seconds, 90) });
    }
}
