using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Functions.Tests;

/// <summary>
/// What one ingest writes to the log under the hosts' levels (<see cref="ServiceCollectionExtensions.AddPipelineLogLevels"/>):
/// the pipeline's own steps, each naming what it worked on, and nothing from the Azure SDK for answers that are expected.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogVolumeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    [Fact]
    public async Task Ingest_TwoArticles_UnderTheHostsLevels_LogsOnlyThePipelinesStepsWithTheirIds()
    {
        var everything = await IngestAndRecordAsync(logging => logging.SetMinimumLevel(LogLevel.Information));
        var host = await IngestAndRecordAsync(logging => logging.AddPipelineLogLevels());
        output.WriteLine($"one ingest of two articles: {everything.Lines.Count} lines at Information for every category ({everything.Lines.Count(l => l.Level >= LogLevel.Warning)} warnings), {host.Lines.Count} under the hosts' levels");
        foreach (var line in host.Lines)
        {
            output.WriteLine($"{line.Level} {line.Category}: {line.Message}");
        }

        // Without the levels the SDK's own request lines and its warnings for expected 404/409 answers are there.
        Assert.Contains(everything.Lines, l => l.Category.StartsWith("Azure", StringComparison.Ordinal));

        Assert.All(host.Lines, l => Assert.StartsWith("Pipeline.", l.Category, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Lines, l => l.Level >= LogLevel.Warning);
        Assert.InRange(host.Lines.Count, 3, 12);
        Assert.Contains(host.Lines, l => l.Message.Contains(host.BlobName, StringComparison.Ordinal));
        foreach (var (id, code) in host.Articles)
        {
            Assert.Contains(host.Lines, l => l.Message.Contains(id, StringComparison.Ordinal) && l.Message.Contains(code, StringComparison.Ordinal));
        }
    }

    private async Task<Recorded> IngestAndRecordAsync(Action<ILoggingBuilder> levels)
    {
        var recorder = new RecordingProvider();
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddLogging(logging =>
        {
            levels(logging);
            logging.AddProvider(recorder);
        }));
        recorder.Lines.Clear();

        var name = $"desk/{Guid.NewGuid():N}.txt";
        var result = await services.IngestAsync(name, TwoArticles);
        await services.DrainRenderQueueAsync();
        Assert.Equal(2, result.Articles.Count);
        return new Recorded(name, result.Articles.Select(a => (a.Id, a.ShortCode)).ToList(), recorder.Lines.ToList());
    }

    private sealed record Recorded(string BlobName, IReadOnlyList<(string Id, string Code)> Articles, IReadOnlyList<LogLine> Lines);

    private sealed record LogLine(string Category, LogLevel Level, string Message);

    private sealed class RecordingProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogLine> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(string category, ConcurrentQueue<LogLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception)));
        }
    }
}
