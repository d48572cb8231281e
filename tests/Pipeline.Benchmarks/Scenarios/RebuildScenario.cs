using System.Diagnostics;
using System.Globalization;
using Azure;
using Pipeline.Benchmarks.Harness;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// <c>rebuild</c>: a full rebuild of 10 000 articles into Azurite (every file written), the CPU the .NET process and the
/// emulator spent on it, a rebuild of the unchanged site, and the blobs one edit writes among those 10 000.
/// Options: <c>--articles N</c> (10 000), <c>--runs N</c> (3).
/// </summary>
public sealed class RebuildScenario : IScenario
{
    public string Name => "rebuild";

    public string Description => "full rebuild of 10 000 articles into Azurite (CPU per process), and blobs written per incremental edit";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = Option(args, "--articles", 10_000);
        var runs = Option(args, "--runs", 3);
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await using var services = await PipelineServices.CreateAsync(azurite);
            var store = services.Get<IArticleStore>();
            var rebuilder = services.Get<SiteRebuilder>();
            var progress = new Progress<RebuildProgress>(p => Console.Write($"\r  {p.Step,-9} {p.Done,6}/{p.Total,-6}"));

            Console.WriteLine($"Seeding {count} articles through the store (not timed)…");
            var newest = DateTimeOffset.UtcNow.AddMinutes(-1);
            var seeding = Stopwatch.StartNew();
            await SiteSeed.SeedAsync(store, count, newest, parallelism: 32, cancellationToken);
            Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

            var cold = new List<RebuildResult>();
            var cpu = new List<(TimeSpan Own, TimeSpan? Azurite)>();
            for (var run = 1; run <= runs; run++)
            {
                await EmptySiteAsync(services, cancellationToken);
                var ownBefore = ProcessCpu.Own();
                var azuriteBefore = azurite.ProcessId is { } pid ? ProcessCpu.Of(pid) : (TimeSpan?)null;
                var result = await rebuilder.RebuildAsync(progress, cancellationToken);
                cpu.Add((ProcessCpu.Own() - ownBefore, azurite.ProcessId is { } after && azuriteBefore is { } before ? ProcessCpu.Of(after) - before : null));
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run}: {result.Elapsed.TotalSeconds:0.0} s, {result.Written.Count} files; render {result.RenderTime.TotalSeconds:0.0} s, read {result.ReadTime.TotalSeconds:0.0} s, write {result.WriteTime.TotalSeconds:0.0} s (summed over workers)"));
                cold.Add(result);
            }

            var warm = await rebuilder.RebuildAsync(progress, cancellationToken);
            Console.WriteLine();

            var (headlineBlobs, headlineMs) = await EditAsync(services, 4, newest, c => c with { Headline = "Council delays the river vote to June" }, cancellationToken);
            var (bodyBlobs, bodyMs) = await EditAsync(services, count / 2, newest, c => c with { Paragraphs = [.. c.Paragraphs, "A correction was added."] }, cancellationToken);

            var median = cold.OrderBy(r => r.Elapsed).ElementAt(cold.Count / 2);
            var medianCpu = cpu[cold.IndexOf(median)];
            return new ScenarioResult(
                $"full rebuild of {count} articles into Azurite",
                "s",
                Statistics.Median(cold.Select(r => r.Elapsed.TotalSeconds).ToList()),
                cold.Min(r => r.Elapsed.TotalSeconds),
                cold.Max(r => r.Elapsed.TotalSeconds),
                cold.Count,
                null,
                null,
                "a full rebuild runs over 10 000 articles; ≤ 15 blobs written per edit",
                new Dictionary<string, double>
                {
                    ["files written (median run)"] = median.Written.Count,
                    // CPU per process names the levers: summed waits across parallel workers count one wait many times.
                    ["CPU of the .NET process, median run (s)"] = medianCpu.Own.TotalSeconds,
                    ["CPU of the emulator, median run (s; -1: not started by this run)"] = medianCpu.Azurite?.TotalSeconds ?? -1,
                    ["render time, summed over workers (s)"] = median.RenderTime.TotalSeconds,
                    ["render per file (ms)"] = median.RenderTime.TotalMilliseconds / median.Written.Count,
                    ["rebuild of the unchanged site (s)"] = warm.Elapsed.TotalSeconds,
                    ["files written by the unchanged rebuild"] = warm.Written.Count,
                    ["blobs written, headline edit of a recent article"] = headlineBlobs,
                    ["edit + render time of the headline edit (ms)"] = headlineMs,
                    [$"blobs written, body edit of article {count / 2} (old)"] = bodyBlobs,
                    ["edit + render time of the body edit (ms)"] = bodyMs,
                });
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<(int Blobs, double Milliseconds)> EditAsync(
        PipelineServices services, int index, DateTimeOffset newest, Func<ParsedArticle, ParsedArticle> edit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (_, written) = await SiteSeed.EditAndRenderAsync(services, index, newest, edit, cancellationToken);
        return (written.Count, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Starts a run from an empty site container, so every file is written.</summary>
    private static async Task EmptySiteAsync(PipelineServices services, CancellationToken cancellationToken)
    {
        var site = services.Storage.Site;
        await site.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await site.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && attempt < 20)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
