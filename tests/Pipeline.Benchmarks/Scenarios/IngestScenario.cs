using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Benchmarks.Harness;
using Pipeline.Functions.Functions;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>In-process ingest (with its page renders) of 10-article files against Azurite: time per article and the storage requests it takes.</summary>
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

            // Ingest renders the upload's own pages (Pipeline__RenderOnIngest); what the queue holds afterwards is the
            // listing refreshes (and any render that failed on ingest).
            var articles = files * 10.0;
            var ingestRequests = counter.Total;
            var ingestKinds = counter.ByKind.ToDictionary(k => k.Key, k => k.Value.Count);
            var ingestCpu = ProcessCpu.Of("azurite") - azuriteCpu;
            var refreshClock = Stopwatch.StartNew();
            await services.DrainRenderQueueAsync();
            var refreshMs = refreshClock.Elapsed.TotalMilliseconds;
            var refreshCpu = ProcessCpu.Of("azurite") - azuriteCpu - ingestCpu;

            // Sorted by the time spent in them: where a step's time goes, not just how often it calls.
            var requests = new Dictionary<string, double>();
            foreach (var (kind, (count, ms)) in counter.ByKind.OrderByDescending(k => k.Value.Milliseconds))
            {
                var ingestCount = ingestKinds.GetValueOrDefault(kind);
                requests[$"{kind}: per article in ingest"] = Math.Round(ingestCount / articles, 2);
                requests[$"{kind}: per article in listing refreshes"] = Math.Round((count - ingestCount) / articles, 2);
                requests[$"{kind}: ms per request"] = Math.Round(ms / count, 2);
            }

            requests["ingest requests per article (its page render included)"] = ingestRequests / articles;
            requests["listing refresh requests per article"] = (counter.Total - ingestRequests) / articles;
            requests["listing refresh ms per article (sequential, after all ingests)"] = refreshMs / articles;
            requests["emulator CPU ms per article, ingest"] = ingestCpu.TotalMilliseconds / articles;
            requests["emulator CPU ms per article, listing refreshes"] = refreshCpu.TotalMilliseconds / articles;
            return new ScenarioResult("ingest time per article (in process, Azurite)", "ms", Statistics.Median(perArticle), perArticle.Min(), perArticle.Max(), perArticle.Count,
                null, null, "supports ≤ 30 s for 1 000 articles", requests);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
