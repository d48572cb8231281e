using Microsoft.Azure.WebJobs;

namespace Pipeline.DevHost.Triggers;

/// <summary>Tells the WebJobs SDK exactly which classes hold triggers, instead of letting it scan every loaded assembly.</summary>
public sealed class TriggerTypeLocator : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(StorageTriggers)];
}
