using System.Diagnostics;
using Pipeline.Benchmarks.Harness;
using Pipeline.Core.Pictures;
using Pipeline.Core.Tests.Pictures;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// <c>pictures</c>: every file of one picture (WebP + JPEG at each width, the social card) from a 24-megapixel camera
/// JPEG, then 100 distinct 12-megapixel photos handed to the renderer at once, as a folder upload does; the process's
/// peak resident memory over each part (Linux: reset through <c>/proc/self/clear_refs</c>).
/// </summary>
public sealed class PicturesScenario : IScenario
{
    public string Name => "pictures";

    public string Description => "renditions of a 24 MP JPEG (pictures/s) and 100 × 12 MP photos at once; peak memory of each";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = args.Length > 0 ? int.Parse(args[0]) : 10;
        var batch = args.Length > 1 ? int.Parse(args[1]) : 100;
        var renderer = new PictureRenderer();
        var large = TestPictures.Photo(6000, 4000, seed: 0);
        Console.WriteLine($"  24 MP JPEG: {large.Length / 1048576.0:0.0} MB");
        await renderer.RenderAsync(TestPictures.Photo(1200, 800, seed: 1), cancellationToken);

        ProcessMemory.ResetOwnPeak();
        var before = ProcessMemory.Of(Environment.ProcessId).Peak;
        var times = new List<double>(runs);
        long written = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var rendering = await renderer.RenderAsync(large, cancellationToken);
            times.Add(clock.Elapsed.TotalSeconds);
            written = rendering.Files.Sum(f => (long)f.Content.Length);
            if (rendering.Problem is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
        }

        var largePeak = ProcessMemory.Of(Environment.ProcessId).Peak;
        Console.WriteLine($"  {runs} renders: median {Statistics.Median(times):0.000} s; files {written / 1024.0:0} KB; peak RSS {largePeak / 1048576.0:0} MB (before {before / 1048576.0:0} MB)");

        Console.WriteLine($"  making {batch} distinct 12 MP photos…");
        var photos = Enumerable.Range(0, batch).Select(i => TestPictures.Photo(4000, 3000, seed: 10 + i)).ToList();
        var inputBytes = photos.Sum(p => (long)p.Length);
        GC.Collect();
        ProcessMemory.ResetOwnPeak();
        var batchBefore = ProcessMemory.Of(Environment.ProcessId).Peak;
        var all = Stopwatch.StartNew();
        var results = await Task.WhenAll(photos.Select(p => Task.Run(() => renderer.RenderAsync(p, cancellationToken), cancellationToken)));
        var batchSeconds = all.Elapsed.TotalSeconds;
        var batchPeak = ProcessMemory.Of(Environment.ProcessId).Peak;
        Console.WriteLine($"  {batch} photos ({inputBytes / 1048576.0:0} MB) in {batchSeconds:0.0} s; peak RSS {batchPeak / 1048576.0:0} MB (before {batchBefore / 1048576.0:0} MB)");
        if (results.FirstOrDefault(r => r.Problem is not null) is { } failed)
        {
            throw new InvalidOperationException(failed.Problem);
        }

        return new ScenarioResult(
            "one 24 MP JPEG to all its renditions",
            "s/picture",
            Statistics.Median(times),
            times.Min(),
            times.Max(),
            runs,
            null,
            null,
            "≤ 1 s per 24 MP picture; peak memory within the 64 MB working budget above the process's own",
            new Dictionary<string, double>
            {
                ["24 MP pictures per second"] = 1 / Statistics.Median(times),
                ["24 MP peak RSS (MB)"] = largePeak / 1048576.0,
                ["24 MP peak over baseline (MB)"] = (largePeak - before) / 1048576.0,
                ["files of one picture (KB)"] = written / 1024.0,
                [$"{batch} x 12 MP photos, seconds"] = batchSeconds,
                [$"{batch} x 12 MP photos per second"] = batch / batchSeconds,
                [$"{batch} x 12 MP peak RSS (MB)"] = batchPeak / 1048576.0,
                [$"{batch} x 12 MP peak over baseline (MB)"] = (batchPeak - batchBefore) / 1048576.0,
            });
    }
}
