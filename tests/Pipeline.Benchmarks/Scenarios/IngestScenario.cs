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
            for (var f = 0; f < files; f++)
            {
                var blob = services.Storage.Uploads.GetBlobClient($"profile/{f}.txt");
                await blob.UploadAsync(BinaryData.FromString(GeneratedArticles.File(f, 10)), cancellationToken);
                var clock = Stopwatch.StartNew();
                var result = await services.Create<IngestArticle>().Run(blob, blob.Name, cancellationToken);
                perArticle.Add(clock.Elapsed.TotalMilliseconds / result.Articles.Count);
            }

            var ingestRequests = counter.Total;
            var renderClock = Stopwatch.StartNew();
            var rendered = await services.DrainRenderQueueAsync();
            var renderMs = renderClock.Elapsed.TotalMilliseconds / Math.Max(1, rendered);
            var renderRequests = (counter.Total - ingestRequests) / (double)Math.Max(1, rendered);

            var requests = counter.ByKind.OrderByDescending(k => k.Value.Milliseconds)
                .ToDictionary(k => $"{k.Key} (count)", k => (double)k.Value.Count);
            foreach (var (kind, (count, ms)) in counter.ByKind)
            {
                requests[$"{kind} (mean ms)"] = ms / count;
            }

            requests["ingest requests per article"] = ingestRequests / (files * 10.0);
            requests["render ms per article (sequential, listing refreshes included)"] = renderMs;
            requests["render requests per article"] = renderRequests;
            return new ScenarioResult("ingest time per article (in process, Azurite)", "ms", Statistics.Median(perArticle), perArticle.Min(), perArticle.Max(), perArticle.Count,
                null, null, "supports ≤ 30 s for 1 000 articles", requests);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
