using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Pipeline.Storage;

namespace Pipeline.Benchmarks.Harness;

/// <summary>Counts storage requests and the time spent in them, by method and resource kind, to show where a step's time goes.</summary>
public sealed class RequestCounter : StoragePipelinePolicy
{
    private readonly ConcurrentDictionary<string, (int Count, double Milliseconds)> _byKind = new();

    public IReadOnlyDictionary<string, (int Count, double Milliseconds)> ByKind => _byKind;

    public int Total => _byKind.Values.Sum(v => v.Count);

    public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        var clock = Stopwatch.StartNew();
        await ProcessNextAsync(message, pipeline);
        var uri = message.Request.Uri.ToUri();
        var service = uri.Port switch { _ when uri.AbsolutePath.Contains("()") || uri.AbsolutePath.Contains("Tables") || uri.Host.Contains("table") => "table", _ => "blob/queue" };
        var kind = $"{message.Request.Method} {service} {(int)(message.Response?.Status ?? 0)}";
        _byKind.AddOrUpdate(kind, (1, clock.Elapsed.TotalMilliseconds), (_, v) => (v.Count + 1, v.Milliseconds + clock.Elapsed.TotalMilliseconds));
    }
}
