using Microsoft.Extensions.Options;

namespace Pipeline.Core.Publishing;

/// <summary>The public addresses of pages and short links, from the configured base URLs.</summary>
public sealed class PublicUrls(IOptions<PipelineOptions> options)
{
    /// <summary>Absolute URL of a site-relative path; null for an article that never had a page.</summary>
    public string? Page(string path) => path.Length == 0 ? null : new Uri(options.Value.SiteBaseUrl, path).ToString();

    public string Short(string code) => new Uri(options.Value.ShortLinkBaseUrl, code).ToString();
}
