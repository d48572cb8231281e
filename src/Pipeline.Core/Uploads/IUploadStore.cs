namespace Pipeline.Core.Uploads;

/// <summary>Read access to editors' uploads (the <c>articles</c> container). The pipeline never changes an upload.</summary>
public interface IUploadStore
{
    /// <summary>Opens an upload for streaming; null when it does not exist (any more).</summary>
    Task<UploadContent?> OpenAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every upload's name and last-modified time.</summary>
    IAsyncEnumerable<(string Name, DateTimeOffset LastModified)> ListAsync(CancellationToken cancellationToken);

    /// <summary>The names of the uploads starting with <paramref name="prefix"/>, in name order.</summary>
    Task<IReadOnlyList<string>> ListNamesAsync(string prefix, CancellationToken cancellationToken);
}
