using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Pipeline.Storage;

namespace Pipeline.Testing;

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
        var kind = $"{message.Request.Method} {Resource(message.Request.Uri.ToUri())} {(int)(message.Response?.Status ?? 0)}";
        _byKind.AddOrUpdate(kind, (1, clock.Elapsed.TotalMilliseconds), (_, v) => (v.Count + 1, v.Milliseconds + clock.Elapsed.TotalMilliseconds));
    }

    /// <summary>The container, table or queue a request went to, without the run's name prefix or the entity keys, and whether it was a query.</summary>
    private static string Resource(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = segments.Length > 1 ? segments[1] : "(account)";
        var keys = name.IndexOf('(');
        var entity = keys > 0 && name.Length > keys + 2;
        name = keys >= 0 ? name[..keys] : name;
        name = System.Text.RegularExpressions.Regex.Replace(name, "^t[0-9a-f]{12}-?", string.Empty);
        var detail = uri.Query.Contains("$filter", StringComparison.Ordinal) ? " query" : entity ? " entity" : segments.Length > 2 ? " item" : string.Empty;
        return name + detail;
    }
}
