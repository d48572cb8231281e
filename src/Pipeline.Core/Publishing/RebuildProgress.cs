namespace Pipeline.Core.Publishing;

/// <summary>How far a rebuild is: which step, and how many of its items are done (for a progress bar).</summary>
public sealed record RebuildProgress(string Step, int Done, int Total);
