using System.Runtime.InteropServices;

namespace Pipeline.Benchmarks.Harness;

/// <summary>The machine a figure was measured on.</summary>
public sealed record MachineInfo(int Cores, double MemoryGiB, string Os, string Runtime, DateTimeOffset MeasuredAt)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.UtcNow);

    public override string ToString() => $"{Cores} cores, {MemoryGiB} GiB, {Os}, {Runtime}";
}
