namespace Pipeline.Core.Publishing;

/// <summary>What a full rebuild did and where its time went.</summary>
/// <param name="RenderTime">Time spent rendering templates and writing XML/JSON, summed over parallel workers.</param>
/// <param name="ReadTime">Time spent reading tables and content blobs, summed over parallel workers.</param>
/// <param name="WriteTime">Time spent comparing with and writing to the site container, summed over parallel workers.</param>
public sealed record RebuildResult(
    int Articles,
    IReadOnlyList<string> Written,
    int Unchanged,
    int Deleted,
    TimeSpan Elapsed,
    TimeSpan RenderTime,
    TimeSpan ReadTime,
    TimeSpan WriteTime);
