using System.Security.Cryptography;

namespace Pipeline.Core.Publishing;

/// <summary>One rendered file of the site with the headers it is served with.</summary>
/// <param name="Status">HTTP status the file stands for when it is not 200 (410 for a removed article); kept as blob
/// metadata, which the local host honours and a CDN rule can map in Azure.</param>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType, string CacheControl, int? Status = null)
{
    public const string StatusMetadata = "status";

    public const string Html = "text/html; charset=utf-8";
    public const string Css = "text/css; charset=utf-8";
    public const string JavaScript = "text/javascript; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";
    public const string Rss = "application/rss+xml; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Text = "text/plain; charset=utf-8";
    public const string Png = "image/png";

    /// <summary>Pages whose text rarely changes after publishing: an article.</summary>
    public const string PageCache = "public, max-age=600";

    /// <summary>Files that change with every publish: indexes, feeds, sitemaps, the search index.</summary>
    public const string IndexCache = "public, max-age=60";

    /// <summary>Theme assets; pages link them with their content version in the query, so a changed asset is a new URL.</summary>
    public const string AssetCache = "public, max-age=31536000, immutable";

    /// <summary>
    /// Base64 MD5 of the content: the Content-MD5 blob storage keeps and lists for every blob, so a writer can tell an
    /// unchanged file without downloading it. A change detector, not a security measure.
    /// </summary>
    public string ContentMd5 => Convert.ToBase64String(MD5.HashData(Content.Span));
}
