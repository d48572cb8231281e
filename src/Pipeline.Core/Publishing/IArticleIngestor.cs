namespace Pipeline.Core.Publishing;

/// <summary>Turns one upload into stored, linked articles queued for rendering.</summary>
public interface IArticleIngestor
{
    Task<IngestResult> IngestAsync(string name, CancellationToken cancellationToken);
}
