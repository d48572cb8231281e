namespace Pipeline.Core.Publishing;

/// <summary>The static website (<c>$web</c>): where rendered files go.</summary>
public interface ISiteStore
{
    /// <summary>Writes one file of the site at a site-relative path (<c>index.html</c>, <c>2026/02/14/slug/index.html</c>).</summary>
    Task WriteAsync(SiteFile file, CancellationToken cancellationToken);

    /// <summary>The content of a file of the site, or null when there is no such file.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>The stored file's hash and headers, or null when there is none.</summary>
    Task<SiteFileInfo?> GetInfoAsync(string path, CancellationToken cancellationToken);

    /// <summary>Every stored file whose path starts with <paramref name="prefix"/> (empty: the whole site).</summary>
    Task<IReadOnlyList<SiteFileInfo>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes a file; nothing happens when it does not exist.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// What this process last wrote at <paramref name="path"/>, while it still remembers: when a new render differs from
    /// that, the file surely changed and is written without asking storage first. Another instance may have written
    /// since, so a match proves nothing and is checked against storage.
    /// </summary>
    SiteFileInfo? LastWritten(string path) => null;
}
