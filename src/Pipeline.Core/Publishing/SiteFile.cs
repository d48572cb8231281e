namespace Pipeline.Core.Publishing;

/// <summary>One rendered file of the site with the headers it is served with.</summary>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType, string CacheControl)
{
    public const string Html = "text/html; charset=utf-8";
}
