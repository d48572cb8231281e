using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Uploads;

namespace Pipeline.DevHost.Seeding;

/// <summary>Waits (bounded) for the given uploads to be published, then prints the site and every article's page and short URL.</summary>
public sealed class ReadyReport(IUploadStatusStore statuses, IArticleStore articles, ShortLinkService links, IOptions<PipelineOptions> options)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    public async Task PrintAsync(IReadOnlyList<string> pendingUploads, string keyNote, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < MaxWait && !await AllLiveAsync(pendingUploads, cancellationToken))
        {
            await Task.Delay(250, cancellationToken);
        }

        var site = options.Value.SiteBaseUrl;
        var latest = await articles.ListLatestAsync(50, cancellationToken);
        var lines = new List<string> { string.Empty, $"Pipeline is running. Site: {site}" };
        lines.AddRange(latest.Select(a => $"  {new Uri(site, a.Path)}  short: {links.ShortUrl(a.ShortCode)}  {a.Headline}"));
        if (latest.Count == 0)
        {
            lines.Add("  (no articles yet: upload a file to the 'articles' container)");
        }

        lines.Add($"Management API: {links.ShortUrl("api/")} (key in the x-functions-key header; {keyNote})");
        lines.Add("Press Ctrl+C to stop.");
        lines.Add(string.Empty);
        await output.WriteLineAsync(string.Join(Environment.NewLine, lines));
    }

    private async Task<bool> AllLiveAsync(IReadOnlyList<string> uploads, CancellationToken cancellationToken)
    {
        foreach (var name in uploads)
        {
            var status = await statuses.GetAsync(name, cancellationToken);
            if (status is null || status.State is UploadState.Received or UploadState.Retrying)
            {
                return false;
            }

            foreach (var id in status.ArticleIds)
            {
                if (await articles.GetAsync(id, cancellationToken) is not { } record || record.RenderedVersion < record.Version)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
