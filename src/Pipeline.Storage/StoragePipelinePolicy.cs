using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage;

/// <summary>A policy added to every storage client's HTTP pipeline when registered in the container.</summary>
public abstract class StoragePipelinePolicy : HttpPipelinePolicy
{
    /// <summary>Where in the pipeline the policy sits; per call means outside the SDK's retries.</summary>
    public virtual HttpPipelinePosition Position => HttpPipelinePosition.PerCall;
}
