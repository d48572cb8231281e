using System.Diagnostics;
using NetVips;
using Pipeline.Benchmarks.Harness;
using Pipeline.Core.Pictures;

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
        var large = Photo(6000, 4000, seed: 0);
        Console.WriteLine($"  24 MP JPEG: {large.Length / 1048576.0:0.0} MB");
        await renderer.RenderAsync(Photo(1200, 800, seed: 1), cancellationToken);

        ResetPeak();
        var before = Peak();
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

        var largePeak = Peak();
        Console.WriteLine($"  {runs} renders: median {Statistics.Median(times):0.000} s; files {written / 1024.0:0} KB; peak RSS {largePeak / 1048576.0:0} MB (before {before / 1048576.0:0} MB)");

        Console.WriteLine($"  making {batch} distinct 12 MP photos…");
        var photos = Enumerable.Range(0, batch).Select(i => Photo(4000, 3000, seed: 10 + i)).ToList();
        var inputBytes = photos.Sum(p => (long)p.Length);
        GC.Collect();
        ResetPeak();
        var batchBefore = Peak();
        var all = Stopwatch.StartNew();
        var results = await Task.WhenAll(photos.Select(p => Task.Run(() => renderer.RenderAsync(p, cancellationToken), cancellationToken)));
        var batchSeconds = all.Elapsed.TotalSeconds;
        var batchPeak = Peak();
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

    /// <summary>A camera-like JPEG: a gradient under sensor-like noise, so it compresses as a photo does (not as a flat test card).</summary>
    private static byte[] Photo(int width, int height, int seed)
    {
        using var xyz = Image.Xyz(width, height);
        using var gradient = (xyz[0] * (200.0 / width) + xyz[1] * (55.0 / height) + seed % 40);
        using var noise = Image.Gaussnoise(width, height, sigma: 24, mean: 0, seed: seed);
        using var r = gradient + noise;
        using var g = (gradient * 0.8) + noise;
        using var b = (255 - gradient) + noise;
        using var rgb = r.Bandjoin(g, b).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.JpegsaveBuffer(q: 90);
    }

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            Console.WriteLine("  (cannot reset the peak: it counts since the process started)");
        }
        catch (UnauthorizedAccessException)
        {
            Console.WriteLine("  (cannot reset the peak: it counts since the process started)");
        }
    }

    private static long Peak()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
