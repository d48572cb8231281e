using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Benchmarks.Harness;
using Pipeline.Functions.Functions;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>In-process ingest of 10-article files against Azurite: time per article and the storage requests it takes.</summary>
public sealed class IngestScenario : IScenario
{
    public string Name => "ingest";

    public string Description => "ingest of 10-article page-text files in process, with the storage requests per article";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var files = args.Length > 0 ? int.Parse(args[0]) : 10;
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var counter = new RequestCounter();
            await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(counter));
            var perArticle = new List<double>();
            var azuriteCpu = ProcessCpu.Of("azurite");
            for (var f = 0; f < files; f++)
            {
                var blob = services.Storage.Uploads.GetBlobClient($"profile/{f}.txt");
                await blob.UploadAsync(BinaryData.FromString(GeneratedArticles.File(f, 10)), cancellationToken);
                var clock = Stopwatch.StartNew();
                var result = await services.Create<IngestArticle>().Run(blob, blob.Name, cancellationToken);
                perArticle.Add(clock.Elapsed.TotalMilliseconds / result.Articles.Count);
            }

            var ingestRequests = counter.Total;
            var ingestKinds = counter.ByKind.ToDictionary(k => k.Key, k => k.Value.Count);
            var ingestCpu = ProcessCpu.Of("azurite") - azuriteCpu;
            var renderClock = Stopwatch.StartNew();
            var rendered = await services.DrainRenderQueueAsync();
            var renderMs = renderClock.Elapsed.TotalMilliseconds / Math.Max(1, rendered);
            var renderRequests = (counter.Total - ingestRequests) / (double)Math.Max(1, rendered);
            var renderCpu = ProcessCpu.Of("azurite") - azuriteCpu - ingestCpu;

            // Sorted by the time spent in them: where a step's time goes, not just how often it calls.
            var requests = new Dictionary<string, double>();
            foreach (var (kind, (count, ms)) in counter.ByKind.OrderByDescending(k => k.Value.Milliseconds))
            {
                var ingestCount = ingestKinds.GetValueOrDefault(kind);
                requests[$"{kind}: per article in ingest"] = Math.Round(ingestCount / (files * 10.0), 2);
                requests[$"{kind}: per article in render"] = Math.Round((count - ingestCount) / (double)Math.Max(1, rendered), 2);
                requests[$"{kind}: ms per request"] = Math.Round(ms / count, 2);
            }

            requests["ingest requests per article"] = ingestRequests / (files * 10.0);
            requests["render ms per article (sequential, listing refreshes included)"] = renderMs;
            requests["render requests per article"] = renderRequests;
            requests["emulator CPU ms per article, ingest"] = ingestCpu.TotalMilliseconds / (files * 10.0);
            requests["emulator CPU ms per article, render"] = renderCpu.TotalMilliseconds / Math.Max(1, rendered);
            return new ScenarioResult("ingest time per article (in process, Azurite)", "ms", Statistics.Median(perArticle), perArticle.Min(), perArticle.Max(), perArticle.Count,
                null, null, "supports ≤ 30 s for 1 000 articles", requests);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
