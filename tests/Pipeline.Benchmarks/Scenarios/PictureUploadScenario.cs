using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using Pipeline.Benchmarks.Harness;
using Pipeline.Core.Tests.Pictures;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// <c>picture-upload</c>: 100 articles, each with its own 12-megapixel photo beside it, uploaded at once to the local
/// host (photos and articles interleaved, 16 at a time): time until every page is live with its picture, and the
/// host's peak memory.
/// </summary>
public sealed class PictureUploadScenario : IScenario
{
    private const double Megabyte = 1024 * 1024;

    public string Name => "picture-upload";

    public string Description => "100 articles + 100 photos of 12 MP uploaded at once → every page live with its picture; host peak memory";

    public async Task<ScenarioResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 100;
        Console.WriteLine($"  making {count} distinct 12 MP photos…");
        var photos = Enumerable.Range(0, count).Select(i => BinaryData.FromBytes(TestPictures.Photo(4000, 3000, seed: i))).ToList();
        await using var pipeline = await LocalPipeline.StartAsync();
        var baseline = ProcessMemory.Of(pipeline.Host.ProcessId).Peak;

        var uploads = Enumerable.Range(0, count).SelectMany(i => new[]
        {
            (Name: $"photos/story-{i:D3}.jpg", Body: photos[i]),
            (Name: $"photos/story-{i:D3}.json", Body: BinaryData.FromString($$"""{"title": "Photo story number {{i}}", "caption": "Picture {{i}} (Staff)", "body": ["Body of story {{i}}."]}""")),
        });
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (upload, ct) => await pipeline.Uploads.GetBlobClient(upload.Name).UploadAsync(upload.Body, ct));
        var uploaded = clock.Elapsed;
        Console.WriteLine($"  uploaded {count} photos ({photos.Sum(p => p.ToMemory().Length) / Megabyte:0} MB) and {count} articles in {uploaded.TotalSeconds:0.0} s");

        var articles = new TableServiceClient(pipeline.Azurite.Endpoints.ConnectionString).GetTableClient(pipeline.Host.Names.ArticlesTable);
        var peak = 0L;
        var live = 0;
        var next = TimeSpan.FromSeconds(10);
        while (clock.Elapsed < TimeSpan.FromMinutes(20) && !cancellationToken.IsCancellationRequested)
        {
            peak = Math.Max(peak, ProcessMemory.Of(pipeline.Host.ProcessId).Peak);
            var rows = await articles.QueryAsync<TableEntity>(e => e.RowKey == "article", select: ["Picture", "Version", "RenderedVersion"], cancellationToken: cancellationToken)
                .ToListAsync(cancellationToken);
            live = rows.Count(r => r.GetString("Picture") is not null && r.GetInt32("RenderedVersion") >= r.GetInt32("Version"));
            if (live >= count)
            {
                break;
            }

            if (clock.Elapsed >= next)
            {
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s: {live} of {count} pages live with their picture; host peak {peak / Megabyte:0} MB");
                next += TimeSpan.FromSeconds(10);
            }

            await Task.Delay(250, cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        peak = Math.Max(peak, ProcessMemory.Of(pipeline.Host.ProcessId).Peak);
        Console.WriteLine($"  {live} of {count} live after {seconds:0.0} s; host peak {peak / Megabyte:0} MB (before {baseline / Megabyte:0} MB)");
        return new ScenarioResult(
            $"{count} articles with a 12 MP photo each, uploaded at once → all live with pictures", "s",
            seconds, seconds, seconds, 1, null, null, "report; memory bounded",
            new Dictionary<string, double>
            {
                ["pages live with their picture"] = live,
                ["pictures per second, end to end"] = live / seconds,
                ["upload time, s"] = uploaded.TotalSeconds,
                ["host peak RSS, MB"] = peak / Megabyte,
                ["host peak before the uploads, MB"] = baseline / Megabyte,
            });
    }
}
