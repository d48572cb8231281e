namespace Pipeline.Core.Publishing;

/// <summary>What the site store knows of a stored file without reading it: enough to tell whether a new rendering differs.</summary>
public sealed record SiteFileInfo(string Path, string? ContentMd5, string? ContentType, string? CacheControl, int? Status, DateTimeOffset LastModified)
{
    /// <summary>True when <paramref name="file"/> would store exactly this: same bytes, same headers, same status.</summary>
    public bool Matches(SiteFile file, string contentMd5) =>
        ContentMd5 == contentMd5 && ContentType == file.ContentType && CacheControl == file.CacheControl && Status == file.Status;
}
