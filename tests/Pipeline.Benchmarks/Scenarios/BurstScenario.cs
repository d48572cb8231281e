using System.Diagnostics;
using Pipeline.Benchmarks.Harness;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>Breaking news: 1 000 articles in 100 files uploaded at once; how long until every page is live.</summary>
public sealed class BurstScenario : IScenario
{
    public string Name => "burst";

    public string Description => "1 000 articles (100 files) uploaded at once → all pages live, local host; args: [files] [per file] [runs] [--instances n]";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var files = args.Length > 0 ? int.Parse(args[0]) : 100;
        var perFile = args.Length > 1 ? int.Parse(args[1]) : 10;
        var runs = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2]) : 1;
        // Several instances on one account, as a scaled-out app runs: each article must still be stored and rendered once.
        var at = Array.IndexOf(args, "--instances");
        var instances = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : 1;
        var duplicates = new List<double>();
        var seconds = new List<double>();
        var ingestSeconds = new List<double>();
        var emulatorCpu = new List<double>();
        var hostCpu = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var pipeline = await LocalPipeline.StartAsync(instances);
            var bodies = Enumerable.Range(0, files).Select(f => BinaryData.FromString(GeneratedArticles.File(f, perFile))).ToList();

            // CPU seconds each side used during the run: which of them the two cores were busy with.
            var emulatorBefore = ProcessCpu.Of("azurite");
            var hostBefore = ProcessCpu.Of("Pipeline.DevHost");
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (f, ct) => await pipeline.Uploads.GetBlobClient($"burst/file-{f:D3}.txt").UploadAsync(bodies[f], ct));
            var uploaded = clock.Elapsed.TotalSeconds;

            var live = 0;
            double? ingested = null;
            while (clock.Elapsed < TimeSpan.FromMinutes(5) && !cancellationToken.IsCancellationRequested)
            {
                (var published, _, live) = await pipeline.ProgressAsync(cancellationToken);
                if (ingested is null && published == files)
                {
                    ingested = clock.Elapsed.TotalSeconds;
                }

                if (live >= files * perFile)
                {
                    break;
                }

                // Polling reads every article row; once a second keeps the measurement from loading the emulator it measures.
                await Task.Delay(1000, cancellationToken);
            }

            seconds.Add(clock.Elapsed.TotalSeconds);
            ingestSeconds.Add(ingested ?? double.NaN);
            emulatorCpu.Add((ProcessCpu.Of("azurite") - emulatorBefore).TotalSeconds);
            hostCpu.Add((ProcessCpu.Of("Pipeline.DevHost") - hostBefore).TotalSeconds);
            // The host's log of the run (every ingest, render and listing refresh), for seeing where the time went.
            var log = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkResults", $"burst-host-{run + 1}.log");
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            await File.WriteAllTextAsync(log, string.Join(Environment.NewLine, pipeline.Hosts.Select(h => h.Output)), cancellationToken);
            var renders = pipeline.Hosts.SelectMany(h => System.Text.RegularExpressions.Regex.Matches(h.Output, @"Rendered article (\w+) version 1\b").Select(m => m.Groups[1].Value)).ToList();
            duplicates.Add(renders.Count - renders.Distinct().Count());
            Console.WriteLine($"  ingests per instance: {string.Join(", ", pipeline.Hosts.Select(h => System.Text.RegularExpressions.Regex.Count(h.Output, "Ingested burst/")))}; " +
                $"pages rendered twice: {duplicates[^1]}");
            Console.WriteLine($"  run {run + 1}: {live} pages live after {clock.Elapsed.TotalSeconds:0.0} s (uploads took {uploaded:0.0} s, every upload ingested after {ingested:0.0} s; " +
                $"CPU: emulator {emulatorCpu[^1]:0.0} s, local host {hostCpu[^1]:0.0} s)");
        }

        return new ScenarioResult(
            $"{files * perFile} articles ({files} files) uploaded at once → all pages live" + (instances > 1 ? $", {instances} instances" : string.Empty), "s",
            Statistics.Median(seconds), seconds.Min(), seconds.Max(), seconds.Count, null, null, "≤ 30 s",
            new Dictionary<string, double>
            {
                ["all uploads ingested, s (median)"] = Statistics.Median(ingestSeconds),
                ["emulator CPU, s (median)"] = Statistics.Median(emulatorCpu),
                ["local host CPU, s (median)"] = Statistics.Median(hostCpu),
                ["article pages rendered more than once (max)"] = duplicates.Max(),
            });
    }
}
