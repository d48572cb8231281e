using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>Renders articles and the pages listing them into the static site.</summary>
public sealed class SitePublisher(
    IArticleStore articles,
    ISiteStore site,
    PageRenderer renderer,
    ShortLinkService links,
    IOptions<PipelineOptions> options,
    ILogger<SitePublisher> logger) : IArticleRenderer
{
    private const string ArticleCache = "public, max-age=300";
    private const string IndexCache = "public, max-age=60";
    private const string AssetCache = "public, max-age=86400";
    private const int MaxConcurrencyRetries = 8;

    public async Task<IReadOnlyList<string>> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        var record = await articles.GetAsync(request.ArticleId, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("Render skipped: article {ArticleId} does not exist", request.ArticleId);
            return [];
        }

        if (record.RenderedVersion >= record.Version && record.RenderedVersion >= request.Version)
        {
            // A duplicate or stale message: the page already shows this version.
            logger.LogInformation("Render skipped: article {ArticleId} version {Version} is already live", record.Id, record.RenderedVersion);
            return [];
        }

        var written = new List<string>();
        var page = record.Path + "index.html";
        if (record.State == ArticleState.Published)
        {
            var content = await articles.GetContentAsync(record.Id, record.ContentHash, cancellationToken)
                ?? throw new InvalidOperationException($"content of article {record.Id} ({record.ContentHash}) is missing");
            await WriteHtmlAsync(page, renderer.RenderArticle(record, content, links.ShortUrl(record.ShortCode)), ArticleCache, cancellationToken);
            written.Add(page);
        }
        else if (record.HasPage)
        {
            // The URL stays known to readers and search engines: it now says the article was removed (410 Gone).
            await site.WriteAsync(new SiteFile(page, Encoding.UTF8.GetBytes(renderer.RenderRemoved(record)), SiteFile.Html, IndexCache, 410), cancellationToken);
            written.Add(page);
        }

        var latest = await articles.ListLatestAsync(options.Value.HomePageSize, cancellationToken);
        await WriteHtmlAsync("index.html", renderer.RenderHome(latest), IndexCache, cancellationToken);
        written.Add("index.html");

        await MarkRenderedAsync(record, cancellationToken);
        logger.LogInformation("Rendered article {ArticleId} version {Version} to {Path}", record.Id, record.Version, page);
        return written;
    }

    /// <summary>Writes the files every site needs regardless of articles: stylesheet, 404 page, an empty home page.</summary>
    public async Task PublishThemeAsync(bool includeHome, CancellationToken cancellationToken)
    {
        await site.WriteAsync(new SiteFile("assets/style.css", PageRenderer.Stylesheet(), "text/css; charset=utf-8", AssetCache), cancellationToken);
        await WriteHtmlAsync("404.html", renderer.RenderNotFound(), IndexCache, cancellationToken);
        if (includeHome)
        {
            var latest = await articles.ListLatestAsync(options.Value.HomePageSize, cancellationToken);
            await WriteHtmlAsync("index.html", renderer.RenderHome(latest), IndexCache, cancellationToken);
        }
    }

    private async Task MarkRenderedAsync(ArticleRecord rendered, CancellationToken cancellationToken)
    {
        var record = rendered;
        for (var attempt = 1; ; attempt++)
        {
            if (record.RenderedVersion >= rendered.Version)
            {
                return;
            }

            try
            {
                await articles.SaveAsync(record with { RenderedVersion = rendered.Version }, cancellationToken);
                return;
            }
            catch (ConcurrencyException) when (attempt < MaxConcurrencyRetries)
            {
                record = await articles.GetAsync(rendered.Id, cancellationToken) ?? rendered;
            }
        }
    }

    private Task WriteHtmlAsync(string path, string html, string cacheControl, CancellationToken cancellationToken) =>
        site.WriteAsync(new SiteFile(path, Encoding.UTF8.GetBytes(html), SiteFile.Html, cacheControl), cancellationToken);
}
