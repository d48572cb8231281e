using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Renders an article (or an upload's articles, one message) into the static site incrementally: its page; then it
/// notes the files that list it (first pages of home, its section and tags, its month, feeds, sitemaps, search shard)
/// and, when its headline or place changed, its previous/next neighbours' pages as out of date. Those are rendered by
/// a separate refresh, one at a time, once for however many articles changed them meanwhile, so a burst of a thousand
/// articles does not rewrite the home page a thousand times. Unchanged files are not uploaded again
/// (<see cref="SiteWriter"/>).
/// </summary>
public sealed class SitePublisher(
    IArticleStore articles,
    ISiteStore site,
    SiteComposer composer,
    ThemeProvider themes,
    SectionDirectory sections,
    SiteRebuilder rebuilder,
    IRenderQueue renderQueue,
    WorkingMemoryGate memory,
    ILogger<SitePublisher> logger) : IArticleRenderer
{
    private const int MaxConcurrencyRetries = 8;

    /// <summary>Note key of an article page to rewrite because its previous/next links changed (listings use other prefixes).</summary>
    private const string NeighbourKeyPrefix = "n-";

    /// <summary>
    /// How much later (by storage's clock) a page's render must have begun than the noting article was listed for the
    /// page to count as showing it: a second for clock differences between storage servers.
    /// </summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(1);

    /// <summary>A refresh holding its claim longer than this is taken to have died with its host; another may run.</summary>
    private static readonly TimeSpan RefreshLockExpiry = TimeSpan.FromSeconds(60);

    /// <summary>How long a refresh that found another running waits before it tries again.</summary>
    private static readonly TimeSpan RefreshRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>Rows a refresh reads at most to answer its noted pages' neighbours from one read of a listing.</summary>
    private const int RefreshWindowRows = 2000;

    /// <summary>Article pages one refresh renders side by side.</summary>
    private const int PageWritesAtOnce = 8;


    public Task<IReadOnlyList<string>> RenderAsync(RenderRequest request, CancellationToken cancellationToken) =>
        RenderAsync(request, [], cancellationToken);

    public async Task<IReadOnlyList<string>> RenderAsync(RenderRequest request, IReadOnlyCollection<ArticleRecord> stored, CancellationToken cancellationToken)
    {
        if (request.Everything)
        {
            return (await rebuilder.RebuildAsync(progress: null, cancellationToken)).Written;
        }

        if (request.Listings)
        {
            return await RefreshListingsAsync(request.Token ?? string.Empty, cancellationToken);
        }

        var requests = request.Articles is { Count: > 0 } batch ? batch : [request];
        var writer = new SiteWriter(site);
        var rendered = new ConcurrentBag<RenderedPage>();
        var failures = new ConcurrentQueue<Exception>();
        var records = new ConcurrentDictionary<RenderRequest, ArticleRecord?>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = PageWritesAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(requests, parallel, async (one, ct) =>
            records[one] = stored.FirstOrDefault(r => r.Id == one.ArticleId && r.Version == one.Version) ?? await articles.GetAsync(one.ArticleId, ct));

        // The batch's articles are listed together, so one read of each listing they share answers their neighbours.
        var due = records.Values.OfType<ArticleRecord>().Where(r => r is { State: ArticleState.Published, HasPage: true } && r.RenderedVersion < r.Version).ToList();
        var windows = due.Count > 1 ? await NeighbourWindows.ReadAsync(articles, due, cancellationToken) : NeighbourWindows.None;
        await Parallel.ForEachAsync(requests, parallel, async (one, ct) =>
        {
            try
            {
                if (await RenderPageAsync(writer, one, records[one], windows, ct) is { } page)
                {
                    rendered.Add(page);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && requests.Count > 1)
            {
                // One bad article does not hold back the others in its batch; the message is retried for it alone
                // (the others find their version live and skip).
                logger.LogError(ex, "Render of article {ArticleId} version {Version} failed", one.ArticleId, one.Version);
                failures.Enqueue(ex);
            }
        });

        await FinishAsync(rendered.ToList(), cancellationToken);
        foreach (var page in rendered)
        {
            logger.LogInformation("Rendered article {ArticleId} version {Version}", page.Record.Id, page.Record.Version);
        }

        if (failures.Count == 1 && failures.TryPeek(out var only))
        {
            ExceptionDispatchInfo.Throw(only);
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException($"{failures.Count} of {requests.Count} article renders failed", failures);
        }

        logger.LogInformation("Rendered {Count} article(s): {Written} files written, {Unchanged} unchanged", rendered.Count, writer.Written.Count, writer.Unchanged);
        return writer.Written.ToList();
    }

    /// <summary>
    /// Writes one article's page (or its removal notice) and works out which listings and neighbour pages it changed;
    /// null when there is nothing to do (no such article, or the version is already live).
    /// </summary>
    private async Task<RenderedPage?> RenderPageAsync(
        SiteWriter writer, RenderRequest request, ArticleRecord? record, NeighbourWindows windows, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            logger.LogWarning("Render skipped: article {ArticleId} does not exist", request.ArticleId);
            return null;
        }

        if (record.RenderedVersion >= record.Version && record.RenderedVersion >= request.Version)
        {
            // A duplicate or stale message: the page already shows this version.
            logger.LogInformation("Render skipped: article {ArticleId} version {Version} is already live", record.Id, record.RenderedVersion);
            await articles.ClearRenderPendingAsync([(record.Id, request.Version)], cancellationToken);
            return null;
        }

        if (!record.HasPage)
        {
            return new RenderedPage(record, request.Version, [], null);
        }

        var theme = await themes.CurrentAsync(cancellationToken);
        var live = await LiveStateAsync(record, cancellationToken);
        ArticleNeighbourhood? around = null;
        if (record.State == ArticleState.Published)
        {
            around = await NeighbourhoodAsync(record, windows, cancellationToken);

            // A new version's page differs from the live one, so it is written without comparing first.
            await WriteArticleAsync(writer, theme, record, around, cancellationToken, surelyChanged: true);
        }
        else
        {
            // The URL stays known to readers and search engines: it now says the article was removed (410 Gone).
            await writer.WriteAsync(composer.Removed(theme, record.Path), cancellationToken);
        }

        // Tags the live page had count too: an article that lost a tag must leave that tag's page.
        var listings = new List<ArticleListing> { ArticleListing.Latest, ArticleListing.Section(record.Section), ArticleListing.Month(record.PublishedAt) };
        listings.AddRange(record.Tags.Concat(live?.Tags ?? []).Select(ArticleListing.Tag));
        var changed = listings.Select(l => l.ToKey()).ToList();

        // Previous/next links on the neighbours name this article (or must now skip it): their pages are noted too,
        // so a burst of articles in one section rewrites each neighbour once, not once per newcomer.
        if (live is null || live.Headline != record.Headline || record.State != ArticleState.Published)
        {
            changed.AddRange((await NeighbourIdsAsync(record, around, cancellationToken)).Select(id => NeighbourKeyPrefix + id));
        }

        // Neighbour pages rendered after this article was listed already show it. The request says when that was for its
        // version (earlier than this render, which may have waited in the queue); else this render's start bounds it.
        var listedBefore = request.Version == record.Version && request.ListedBefore is { } listed && listed < record.ReadAt ? listed : record.ReadAt;
        return new RenderedPage(record, request.Version, changed, listedBefore);
    }

    /// <summary>
    /// After the pages of a message are written: notes the listings they changed (one transaction however many
    /// articles), queues a refresh unless one is waiting, then marks each article rendered and clears its requests.
    /// Notes come before the marks, so a crash in between renders again rather than leaving a listing behind.
    /// </summary>
    private async Task FinishAsync(IReadOnlyList<RenderedPage> pages, CancellationToken cancellationToken)
    {
        var notes = pages
            .SelectMany(p => p.Changed.Select(key => (p.Record.Id, key, key.StartsWith(NeighbourKeyPrefix, StringComparison.Ordinal) ? p.ListedBefore : null)))
            .ToList();
        if (notes.Count > 0 && await articles.NoteListingsChangedAsync(notes, cancellationToken))
        {
            // Queue first, mark second: a crash in between costs a spare refresh, never a missing one.
            var refresh = RenderRequest.RefreshListings();
            await renderQueue.EnqueueAsync(refresh, cancellationToken);
            await articles.MarkRefreshQueuedAsync(refresh.Token!, cancellationToken);
        }

        await Task.WhenAll(pages.Select(p => MarkRenderedAsync(p.Record, cancellationToken)));

        // A later version rendered instead of the requested one: its request is done too (its own message will find it live).
        var done = pages.SelectMany(p => p.Record.Version == p.RequestedVersion
            ? [(p.Record.Id, p.RequestedVersion)]
            : new[] { (p.Record.Id, p.RequestedVersion), (p.Record.Id, p.Record.Version) }).ToList();
        if (done.Count > 0)
        {
            await articles.ClearRenderPendingAsync(done, cancellationToken);
        }
    }

    /// <summary>Writes the files every site needs regardless of articles (assets, 404, search page, robots.txt) and the home page.</summary>
    public async Task PublishThemeAsync(bool includeHome, CancellationToken cancellationToken)
    {
        var theme = await themes.CurrentAsync(cancellationToken);
        var writer = new SiteWriter(site);
        await writer.WriteAllAsync(composer.Static(theme), cancellationToken);
        if (includeHome)
        {
            var latest = await ReadAsync(ArticleListing.Latest, composer.PageSize(ArticleListing.Latest) + 1, cancellationToken);
            await WritePagesAsync(writer, theme, ArticleListing.Latest, latest, cancellationToken);
        }
    }

    private async Task WriteArticleAsync(
        SiteWriter writer, SiteTheme theme, ArticleRecord record, ArticleNeighbourhood around, CancellationToken cancellationToken, bool surelyChanged = false)
    {
        var content = await articles.GetContentAsync(record.Id, record.ContentHash, cancellationToken)
            ?? throw new InvalidOperationException($"content of article {record.Id} ({record.ContentHash}) is missing");

        // Several-MB articles rendering side by side wait for room in the same budget as ingests.
        using var room = await memory.EnterAsync(WorkingMemoryGate.PageBytes(content), cancellationToken);
        await writer.WriteAsync(composer.Article(theme, record, content, around), cancellationToken, surelyChanged);
    }

    /// <summary>
    /// Renders every listing noted as changed, once however many articles changed it, then deletes the notes it saw.
    /// Its queued mark is cleared before the notes are read, so an article noted after that queues a refresh of its
    /// own; a note rewritten while this one ran survives, and another refresh is queued for it, as it is when the mark
    /// was written only after this refresh began.
    /// </summary>
    private async Task<IReadOnlyList<string>> RefreshListingsAsync(string token, CancellationToken cancellationToken)
    {
        // One refresh at a time: two running side by side would read the same notes and rewrite the same pages. This
        // one tries again shortly, with its queued mark left in place so renders meanwhile do not queue more.
        if (!await articles.TryLockRefreshAsync(token, RefreshLockExpiry, cancellationToken))
        {
            await renderQueue.EnqueueAsync(RenderRequest.RefreshListings(token), RefreshRetryDelay, cancellationToken);
            logger.LogInformation("Listing refresh waits for the one running");
            return [];
        }

        IReadOnlyList<string> written;
        try
        {
            written = await RefreshLockedAsync(token, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Let the next refresh run now rather than after the claim expires; this one is retried by its message.
            await TryUnlockAsync(token);
            throw;
        }

        // A release that fails here fails the message, whose retry holds the claim again (same token) and releases it.
        await articles.UnlockRefreshAsync(token, cancellationToken);
        return written;
    }

    private async Task TryUnlockAsync(string token)
    {
        try
        {
            await articles.UnlockRefreshAsync(token, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not release the listing refresh claim ({Reason}); it expires in {Expiry}", ex.Message, RefreshLockExpiry);
        }
    }

    private async Task<IReadOnlyList<string>> RefreshLockedAsync(string token, CancellationToken cancellationToken)
    {
        var notes = await articles.BeginRefreshAsync(token, cancellationToken);
        if (notes.Count == 0)
        {
            // Another refresh took the notes; this one still owes a pass if its mark arrived after it began.
            if (!await articles.CompleteRefreshAsync(token, notes, cancellationToken))
            {
                await renderQueue.EnqueueAsync(RenderRequest.RefreshListings(), cancellationToken);
            }

            return [];
        }

        var theme = await themes.CurrentAsync(cancellationToken);
        var writer = new SiteWriter(site);
        var keys = notes.Select(n => n.ListingKey).Distinct(StringComparer.Ordinal).ToList();
        var listings = keys.Select(ArticleListing.FromKey).OfType<ArticleListing>().ToList();
        var pages = notes
            .Where(n => n.ListingKey.StartsWith(NeighbourKeyPrefix, StringComparison.Ordinal))
            .GroupBy(n => n.ListingKey[NeighbourKeyPrefix.Length..], StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Since: g.Any(n => n.Since is null) ? null : g.Max(n => n.Since)))
            .ToList();
        var skipped = 0;
        await Task.WhenAll(
            WriteListingsAsync(writer, theme, listings, cancellationToken),
            WriteArticlesAsync(writer, theme, pages, () => Interlocked.Increment(ref skipped), cancellationToken));

        if (!await articles.CompleteRefreshAsync(token, notes, cancellationToken))
        {
            await renderQueue.EnqueueAsync(RenderRequest.RefreshListings(), cancellationToken);
        }

        logger.LogInformation("Refreshed {Listings} listings for {Notes} changes: {Written} files written, {Unchanged} unchanged, {Skipped} neighbour pages already current",
            listings.Count, notes.Count, writer.Written.Count, writer.Unchanged, skipped);
        return writer.Written.ToList();
    }

    /// <summary>The files that list articles; independent of each other, so read and written concurrently.</summary>
    private async Task WriteListingsAsync(SiteWriter writer, SiteTheme theme, IReadOnlyList<ArticleListing> listings, CancellationToken cancellationToken)
    {
        var work = listings
            .Select(l => l.Kind == ArticleListingKind.Month ? WriteMonthAsync(writer, theme, l, cancellationToken) : WriteListingAsync(writer, theme, l, cancellationToken))
            .ToList();
        work.Add(WriteNewsSitemapAsync(writer, cancellationToken));
        await Task.WhenAll(work);

        // The month list comes from the sitemaps actually stored, so renders of different months running at once agree.
        var months = (await writer.ListAsync(SitePaths.SitemapFolder, cancellationToken))
            .Select(f => SitePaths.MonthOf(f.Path, SitePaths.SitemapFolder, ".xml"))
            .OfType<string>();
        await writer.WriteAllAsync(composer.MonthIndexes(months), cancellationToken);
    }

    private async Task WriteListingAsync(SiteWriter writer, SiteTheme theme, ArticleListing listing, CancellationToken cancellationToken)
    {
        var feeds = listing.Kind is ArticleListingKind.All or ArticleListingKind.Section;
        var latest = await ReadAsync(listing, Math.Max(composer.PageSize(listing) + 1, feeds ? composer.FeedItems : 0), cancellationToken);
        await WritePagesAsync(writer, theme, listing, latest, cancellationToken);
        if (feeds)
        {
            await writer.WriteAllAsync(composer.Feeds(listing, latest, await FeedBodiesAsync(composer.FeedItemsOf(latest), cancellationToken)), cancellationToken);
        }

        if (listing.Kind == ArticleListingKind.Section && await sections.NoteAsync(listing.Key!, latest.Count > 0, cancellationToken))
        {
            // Every page's header names the sections: a new or emptied one is a rebuild (it writes only what changed).
            logger.LogInformation("Section {Section} {Change}; every page's navigation is rebuilt", listing.Key, latest.Count > 0 ? "appeared" : "is empty");
            await renderQueue.EnqueueAsync(RenderRequest.Rebuild(), cancellationToken);
        }
    }

    private async Task WriteMonthAsync(SiteWriter writer, SiteTheme theme, ArticleListing month, CancellationToken cancellationToken)
    {
        var items = await ReadAsync(month, int.MaxValue, cancellationToken);
        if (items.Count > 0)
        {
            await writer.WriteAllAsync(composer.Month(theme, month.Key!, items), cancellationToken);
            return;
        }

        foreach (var path in SiteComposer.MonthPaths(month.Key!))
        {
            await writer.DeleteAsync(path, cancellationToken);
        }
    }

    private async Task WriteNewsSitemapAsync(SiteWriter writer, CancellationToken cancellationToken)
    {
        var news = await ReadAsync(ArticleListing.Latest, SitemapWriter.MaxNewsUrls, cancellationToken, composer.IsNews);
        await writer.WriteAsync(composer.NewsSitemap(news), cancellationToken);
    }

    /// <summary>
    /// Page 1 of a listing, and deeper pages only while they do not exist yet, so an "Older" link never leads nowhere.
    /// Existing deeper pages shift with every publish; a rebuild brings them up to date.
    /// </summary>
    private async Task WritePagesAsync(SiteWriter writer, SiteTheme theme, ArticleListing listing, IReadOnlyList<ArticleSummary> rows, CancellationToken cancellationToken)
    {
        var size = composer.PageSize(listing);
        for (var page = 1; ; page++)
        {
            var start = (page - 1) * size;
            var hasOlder = rows.Count > start + size;
            await writer.WriteAsync(composer.ListingPage(theme, listing, page, rows.Skip(start).Take(size).ToList(), hasOlder), cancellationToken);
            if (!hasOlder || await writer.ExistsAsync(SitePaths.Page(listing, page + 1), cancellationToken))
            {
                return;
            }

            rows = await ReadAsync(listing, ((page + 1) * size) + 1, cancellationToken);
        }
    }

    /// <summary>The article's previous and next articles in its section, whose pages link to it.</summary>
    private async Task<IEnumerable<string>> NeighbourIdsAsync(ArticleRecord record, ArticleNeighbourhood? around, CancellationToken cancellationToken)
    {
        if (around is not null)
        {
            return new[] { around.Newer, around.Older }.OfType<ArticleSummary>().Select(a => a.Id);
        }

        var section = await articles.ListNeighboursAsync(ArticleListing.Section(record.Section), record.PublishedAt, record.Id, 1, cancellationToken);
        return section.Newer.Take(1).Concat(section.Older.Take(1)).Select(a => a.Id);
    }

    /// <summary>
    /// Rewrites the pages of articles whose previous/next links changed. A burst notes a hundred of them; a few at a
    /// time, because each holds its whole body and page in memory while it renders. A page whose own render began
    /// (by storage's clock) after every article that noted it was listed already shows them, so it is skipped: in a
    /// burst many neighbours are rendered after the newcomer was listed but before the newcomer's own render.
    /// </summary>
    private async Task WriteArticlesAsync(
        SiteWriter writer, SiteTheme theme, IEnumerable<(string Id, DateTimeOffset? Since)> pages, Action current, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = PageWritesAtOnce, CancellationToken = cancellationToken };
        var stale = new ConcurrentBag<ArticleRecord>();
        await Parallel.ForEachAsync(pages, parallel, async (page, ct) =>
        {
            if (await articles.GetAsync(page.Id, ct) is not { State: ArticleState.Published, HasPage: true } neighbour)
            {
                return;
            }

            if (neighbour.RenderedVersion == neighbour.Version && neighbour.RenderedFrom is { } from && page.Since is { } since && from >= since + ClockMargin)
            {
                current();
                return;
            }

            stale.Add(neighbour);
        });

        // A burst notes pages all over a section: one read of the section's run that spans them answers their
        // neighbours, instead of two reads a page.
        var windows = stale.Count > 1 ? await NeighbourWindows.ReadAsync(articles, stale, cancellationToken, RefreshWindowRows) : NeighbourWindows.None;
        await Parallel.ForEachAsync(stale, parallel, async (neighbour, ct) =>
            await WriteArticleAsync(writer, theme, neighbour, await NeighbourhoodAsync(neighbour, windows, ct), ct));
    }

    private async Task<ArticleNeighbourhood> NeighbourhoodAsync(ArticleRecord record, NeighbourWindows windows, CancellationToken cancellationToken)
    {
        Task<ArticleNeighbours> Around(ArticleListing listing) =>
            windows.Find(listing, record.Id, ArticleNeighbourhood.NeighbourCount) is { } found
                ? Task.FromResult(found)
                : articles.ListNeighboursAsync(listing, record.PublishedAt, record.Id, ArticleNeighbourhood.NeighbourCount, cancellationToken);

        var section = Around(ArticleListing.Section(record.Section));
        var tags = record.Tags.Select(ArticleListing.Tag).Distinct().Select(Around).ToList();
        return ArticleNeighbourhood.Compose(record.Id, await section, await Task.WhenAll(tags));
    }

    /// <summary>Headline and tags of the version readers see now, or null when the article was never rendered.</summary>
    private async Task<LiveState?> LiveStateAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        if (record.RenderedVersion == 0)
        {
            return null;
        }

        var versions = await articles.GetVersionsAsync(record.Id, cancellationToken);
        if (versions.FirstOrDefault(v => v.Version == record.RenderedVersion) is not { } live)
        {
            return null;
        }

        var tags = live.ContentHash == record.ContentHash
            ? record.Tags
            : (await articles.GetContentAsync(record.Id, live.ContentHash, cancellationToken))?.Tags ?? [];
        return new LiveState(live.Headline, tags);
    }

    /// <summary>
    /// The content of a feed's items, for their full text: mostly from the content cache (the instance that stored or
    /// rendered an article holds it); an item whose row predates content hashes on listing rows carries its summary.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, ParsedArticle>> FeedBodiesAsync(IEnumerable<ArticleSummary> items, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(items.Where(i => i.ContentHash is not null).Select(async i => (i.Id, Content: await articles.GetContentAsync(i.Id, i.ContentHash!, cancellationToken))));
        return found.Where(f => f.Content is not null).ToDictionary(f => f.Id, f => f.Content!, StringComparer.Ordinal);
    }

    private Task<IReadOnlyList<ArticleSummary>> ReadAsync(ArticleListing listing, int max, CancellationToken cancellationToken, Func<ArticleSummary, bool>? keep = null) =>
        articles.ReadListingAsync(listing, max, cancellationToken, keep);

    private Task MarkRenderedAsync(ArticleRecord rendered, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(async attempt =>
        {
            // After a conflict, the record as stored now: another render may have marked it already.
            var record = attempt == 1 ? rendered : await articles.GetAsync(rendered.Id, cancellationToken) ?? rendered;
            if (record.RenderedVersion < rendered.Version)
            {
                await articles.SaveAsync(record with { RenderedVersion = rendered.Version, RenderedFrom = rendered.ReadAt }, cancellationToken, newVersion: false);
            }

            return true;
        }, MaxConcurrencyRetries, cancellationToken);

    private sealed record LiveState(string Headline, IReadOnlyList<string> Tags);

    /// <summary>An article whose page was written for <see cref="RequestedVersion"/>, with the listing keys it changed.</summary>
    private sealed record RenderedPage(ArticleRecord Record, int RequestedVersion, IReadOnlyList<string> Changed, DateTimeOffset? ListedBefore);
}
