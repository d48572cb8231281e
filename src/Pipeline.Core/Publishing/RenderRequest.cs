namespace Pipeline.Core.Publishing;

/// <summary>A queued request to render one article at (at least) the given version.</summary>
public sealed record RenderRequest(string ArticleId, int Version);
