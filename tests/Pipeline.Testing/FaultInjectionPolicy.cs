using Azure.Core;
using Pipeline.Storage;

namespace Pipeline.Testing;

/// <summary>
/// Makes one storage write fail, once: the <see cref="FailAt"/>-th write (PUT, POST, PATCH, MERGE, DELETE) of the run,
/// either before it reaches storage or after storage applied it (the reply is lost, as when a host crashes).
/// </summary>
public sealed class FaultInjectionPolicy : StoragePipelinePolicy
{
    private int _writes;
    private volatile bool _armed;

    /// <summary>Zero-based index of the write to fail; negative counts writes without failing any.</summary>
    public int FailAt { get; init; } = -1;

    /// <summary>True: storage applies the write, then the caller sees a failure.</summary>
    public bool AfterWrite { get; init; }

    public int Writes => Volatile.Read(ref _writes);

    public bool Fired { get; private set; }

    /// <summary>Starts counting writes (set-up writes such as creating containers are not counted).</summary>
    public void Arm() => _armed = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        var fail = _armed && IsWrite(message.Request.Method) && Interlocked.Increment(ref _writes) - 1 == FailAt;
        if (fail && !AfterWrite)
        {
            Fired = true;
            throw new InjectedFaultException($"injected fault before write #{FailAt}: {message.Request.Method} {message.Request.Uri}");
        }

        await ProcessNextAsync(message, pipeline);
        if (fail)
        {
            Fired = true;
            throw new InjectedFaultException($"injected fault after write #{FailAt}: {message.Request.Method} {message.Request.Uri}");
        }
    }

    private static bool IsWrite(RequestMethod method) =>
        method == RequestMethod.Put || method == RequestMethod.Post || method == RequestMethod.Patch || method == RequestMethod.Delete
        || method.Method == "MERGE";
}

/// <summary>The failure a <see cref="FaultInjectionPolicy"/> raises.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
