using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Rebuilds the whole site (<c>republish</c>): every article page, every page of every listing, feeds, sitemaps and the
/// search index, after a theme change or to bring deep listing pages up to date. It lists the site once and uploads
/// only files whose content or headers changed; generated listing files no longer produced are deleted.
/// </summary>
public sealed class SiteRebuilder(
    IArticleStore articles,
    ISiteStore site,
    SiteComposer composer,
    ThemeProvider themes,
    SectionDirectory sections,
    ILogger<SiteRebuilder> logger)
{
    /// <summary>Storage calls in flight at once: enough to hide latency, few enough not to be throttled.</summary>
    private const int Parallelism = 16;

    private const int ProgressEvery = 100;

    public async Task<RebuildResult> RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var timing = new Timing();
        var theme = await themes.CurrentAsync(cancellationToken);

        progress?.Report(new RebuildProgress("reading", 0, 0));
        var stored = await timing.ReadAsync(() => site.ListAsync(string.Empty, cancellationToken));
        var writer = new SiteWriter(site, stored.ToDictionary(f => f.Path, StringComparer.Ordinal));
        var latest = await timing.ReadAsync(() => articles.ReadListingAsync(ArticleListing.Latest, int.MaxValue, cancellationToken));
        var records = await timing.ReadAsync(() => LoadRecordsAsync(latest, progress, cancellationToken));
        var listings = new SiteListings(latest, records);

        // The rebuild sees every article, so it is where the header's section list is set right.
        var named = listings.Of(ArticleListingKind.Section).Select(l => l.Key!).Order(StringComparer.Ordinal).ToList();
        await writer.WriteAsync(SectionDirectory.File(named), cancellationToken);
        sections.Remember(named);
        theme = theme.WithSections(named);

        // The articles the feeds carry keep their content from the pass below, for the feeds' full text.
        var feedItems = listings.Of(ArticleListingKind.All).Concat(listings.Of(ArticleListingKind.Section))
            .SelectMany(l => composer.FeedItemsOf(listings[l])).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var bodies = new System.Collections.Concurrent.ConcurrentDictionary<string, ParsedArticle>(StringComparer.Ordinal);

        var done = 0;
        await ForEachAsync(records.Values, async (record, token) =>
        {
            var content = await timing.ReadAsync(() => articles.GetContentAsync(record.Id, record.ContentHash, token));
            if (content is null)
            {
                logger.LogWarning("Rebuild skipped article {ArticleId}: its content {ContentHash} is missing", record.Id, record.ContentHash);
                return;
            }

            if (feedItems.Contains(record.Id))
            {
                bodies[record.Id] = content;
            }

            await writer.WriteAsync(timing.Render(() => composer.Article(theme, record, content, listings.Neighbourhood(record))), token);
            Report(progress, "articles", Interlocked.Increment(ref done), records.Count);
        }, cancellationToken);

        // Removed articles keep their notice, re-rendered so a theme change reaches them too.
        var removed = stored.Where(f => f.Status == 410 && f.Path.EndsWith(SitePaths.IndexDocument, StringComparison.Ordinal))
            .Select(f => f.Path[..^SitePaths.IndexDocument.Length]);
        var jobs = new List<Func<IEnumerable<SiteFile>>> { () => composer.Static(theme), () => removed.Select(p => composer.Removed(theme, p)) };
        foreach (var listing in listings.Of(ArticleListingKind.All).Concat(listings.Of(ArticleListingKind.Section)))
        {
            jobs.Add(() => composer.ListingPages(theme, listing, listings[listing]).Concat(composer.Feeds(listing, listings[listing], bodies)));
        }

        foreach (var listing in listings.Of(ArticleListingKind.Tag))
        {
            jobs.Add(() => composer.ListingPages(theme, listing, listings[listing]));
        }

        var months = listings.Of(ArticleListingKind.Month).ToList();
        jobs.AddRange(months.Select(m => (Func<IEnumerable<SiteFile>>)(() => composer.Month(theme, m.Key!, listings[m]))));
        jobs.Add(() => [composer.NewsSitemap(listings.Latest.TakeWhile(composer.IsNews)), .. composer.MonthIndexes(months.Select(m => m.Key!))]);
        if (listings.Latest.Count == 0)
        {
            jobs.Add(() => composer.ListingPages(theme, ArticleListing.Latest, []).Concat(composer.Feeds(ArticleListing.Latest, [])));
        }

        done = 0;
        await ForEachAsync(jobs, async (job, token) =>
        {
            foreach (var file in timing.Render(() => job().ToList()))
            {
                await writer.WriteAsync(file, token);
            }

            Report(progress, "listings", Interlocked.Increment(ref done), jobs.Count);
        }, cancellationToken);

        var produced = writer.Produced.ToHashSet(StringComparer.Ordinal);
        var stale = stored.Select(f => f.Path)
            .Where(p => !produced.Contains(p) && SitePaths.GeneratedFolders.Any(folder => p.StartsWith(folder, StringComparison.Ordinal)))
            .ToList();
        await ForEachAsync(stale, (path, token) => new ValueTask(writer.DeleteAsync(path, token)), cancellationToken);

        var result = new RebuildResult(records.Count, writer.Written.ToList(), writer.Unchanged, writer.Deleted.Count, clock.Elapsed, timing.RenderTime, timing.ReadTime, writer.StorageTime);
        progress?.Report(new RebuildProgress("done", result.Written.Count, produced.Count));
        logger.LogInformation(
            "Rebuilt the site from {Articles} articles in {Elapsed}: {Written} files written, {Unchanged} unchanged, {Deleted} deleted",
            result.Articles, result.Elapsed, result.Written.Count, result.Unchanged, result.Deleted);
        return result;
    }

    /// <summary>The records of the listed articles, read in one scan of the table rather than one request per article.</summary>
    private async Task<IReadOnlyDictionary<string, ArticleRecord>> LoadRecordsAsync(
        IReadOnlyList<ArticleSummary> latest, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var listed = latest.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var records = new Dictionary<string, ArticleRecord>(StringComparer.Ordinal);
        await foreach (var record in articles.ListRecordsAsync(cancellationToken))
        {
            if (record is { State: ArticleState.Published, HasPage: true } && listed.Contains(record.Id))
            {
                records[record.Id] = record;
                Report(progress, "reading", records.Count, listed.Count);
            }
        }

        return records;
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, body);

    private static void Report(IProgress<RebuildProgress>? progress, string step, int done, int total)
    {
        if (progress is not null && (done % ProgressEvery == 0 || done == total))
        {
            progress.Report(new RebuildProgress(step, done, total));
        }
    }

    /// <summary>Where the rebuild's time goes, summed over parallel workers.</summary>
    private sealed class Timing
    {
        private long _render;
        private long _read;

        public TimeSpan RenderTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _render));
        public TimeSpan ReadTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _read));

        public T Render<T>(Func<T> work)
        {
            var start = Stopwatch.GetTimestamp();
            var result = work();
            Interlocked.Add(ref _render, Stopwatch.GetTimestamp() - start);
            return result;
        }

        public async Task<T> ReadAsync<T>(Func<Task<T>> work)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await work();
            Interlocked.Add(ref _read, Stopwatch.GetTimestamp() - start);
            return result;
        }
    }
}
