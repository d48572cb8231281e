namespace Pipeline.Benchmarks.Harness;

/// <summary>A measured figure with its spread, the anchor it is compared with, and the ratio.</summary>
/// <param name="Figure">What was measured, e.g. "page-text parse throughput".</param>
/// <param name="Unit">Unit of <paramref name="Median"/>, e.g. "MB/s".</param>
/// <param name="Median">Median over the runs.</param>
/// <param name="Min">Smallest run.</param>
/// <param name="Max">Largest run.</param>
/// <param name="Runs">Number of runs behind the median.</param>
/// <param name="Anchor">What the figure is compared with, in words (or null).</param>
/// <param name="AnchorValue">The anchor's value in the same unit, when it has one.</param>
/// <param name="Target">The target, in words.</param>
/// <param name="Details">Further named values (splits, counts).</param>
public sealed record ScenarioResult(
    string Figure,
    string Unit,
    double Median,
    double Min,
    double Max,
    int Runs,
    string? Anchor,
    double? AnchorValue,
    string Target,
    IReadOnlyDictionary<string, double>? Details = null)
{
    /// <summary>Figure divided by the anchor, when both are numbers.</summary>
    public double? Ratio => AnchorValue is > 0 ? Median / AnchorValue : null;
}
