using System.Diagnostics;
using Pipeline.Benchmarks.Harness;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// Fifty uploads just under the 10 MB limit at once (and a few just over it): the local host's peak memory while it
/// ingests and renders them all. Bounded memory means the peak stays far below fifty files' worth of copies.
/// </summary>
public sealed class MemoryScenario : IScenario
{
    private const int Megabyte = 1024 * 1024;

    public string Name => "memory";

    public string Description => "50 uploads of ~10 MB at once (+5 over the limit) → peak memory of the local host";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var files = args.Length > 0 ? int.Parse(args[0]) : 50;
        var oversized = args.Length > 1 ? int.Parse(args[1]) : 5;
        await using var pipeline = await LocalPipeline.StartAsync();
        var baseline = ProcessMemory.Of(pipeline.Host.ProcessId);

        // Three articles per file, bodies long enough to bring each file to 9.5 MB: big pages, not thousands of rows.
        var bodies = Enumerable.Range(0, files).Select(f => BinaryData.FromString(Fill(f, (int)(9.5 * Megabyte)))).ToList();
        var tooBig = BinaryData.FromString(Fill(files, 11 * Megabyte));
        var uploadedBytes = bodies.Sum(b => (long)b.ToMemory().Length) + oversized * (long)tooBig.ToMemory().Length;
        Console.WriteLine($"  uploading {files} files of {bodies[0].ToMemory().Length / (double)Megabyte:0.0} MB and {oversized} of {tooBig.ToMemory().Length / (double)Megabyte:0.0} MB");

        var clock = Stopwatch.StartNew();
        var uploads = Enumerable.Range(0, files).Select(f => (Name: $"big/file-{f:D2}.txt", Body: bodies[f]))
            .Concat(Enumerable.Range(0, oversized).Select(f => (Name: $"big/too-big-{f}.txt", Body: tooBig)));
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (upload, ct) => await pipeline.Uploads.GetBlobClient(upload.Name).UploadAsync(upload.Body, ct));
        Console.WriteLine($"  uploaded {uploadedBytes / (double)Megabyte:0} MB in {clock.Elapsed.TotalSeconds:0.0} s");

        var peakRss = 0L;
        int published = 0, failed = 0, live = 0;
        var next = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromMinutes(15) && !cancellationToken.IsCancellationRequested)
        {
            if (!File.Exists($"/proc/{pipeline.Host.ProcessId}/status"))
            {
                throw new InvalidOperationException($"the local host exited after {clock.Elapsed.TotalSeconds:0} s with {published} uploads published; its output:\n{pipeline.Host.Output}");
            }

            peakRss = Math.Max(peakRss, ProcessMemory.Of(pipeline.Host.ProcessId).Rss);
            (published, failed, live) = await pipeline.ProgressAsync(cancellationToken);
            if (clock.Elapsed >= next)
            {
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s: {published} published, {failed} failed, {live} pages live, host {peakRss / (double)Megabyte:0} MB peak so far");
                next += TimeSpan.FromSeconds(10);
            }

            if (published + failed >= files + oversized && live >= published * 3)
            {
                break;
            }

            await Task.Delay(500, cancellationToken);
        }

        var end = ProcessMemory.Of(pipeline.Host.ProcessId);
        Console.WriteLine($"  done after {clock.Elapsed.TotalSeconds:0.0} s: {published} published, {failed} failed (the {oversized} over the limit expected), {live} pages live");
        return new ScenarioResult(
            $"peak memory of the local host, {files} × {bodies[0].ToMemory().Length / (double)Megabyte:0.0} MB uploaded at once", "MB",
            end.Peak / (double)Megabyte, baseline.Rss / (double)Megabyte, end.Peak / (double)Megabyte, 1, null, null, "bounded (far below the upload total)",
            new Dictionary<string, double>
            {
                ["host memory before the uploads, MB"] = baseline.Rss / (double)Megabyte,
                ["uploaded in total, MB"] = uploadedBytes / (double)Megabyte,
                ["uploads published"] = published,
                ["uploads failed"] = failed,
                ["pages live"] = live,
                ["seconds until all final"] = clock.Elapsed.TotalSeconds,
            });
    }

    /// <summary>A page-text file of three articles whose bodies fill it to about <paramref name="bytes"/>.</summary>
    private static string Fill(int file, int bytes)
    {
        var paragraphs = Math.Max(1, bytes / 3 / 165);
        return GeneratedArticles.File(10_000 + file, 3, paragraphs);
    }
}
