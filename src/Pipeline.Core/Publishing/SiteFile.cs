namespace Pipeline.Core.Publishing;

/// <summary>One rendered file of the site with the headers it is served with.</summary>
/// <param name="Status">HTTP status the file stands for when it is not 200 (410 for a removed article); kept as blob
/// metadata, which the local host honours and a CDN rule can map in Azure.</param>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType, string CacheControl, int? Status = null)
{
    public const string StatusMetadata = "status";

    public const string Html = "text/html; charset=utf-8";
}
