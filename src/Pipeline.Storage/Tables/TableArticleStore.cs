using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Articles;
using Pipeline.Storage.Blobs;

namespace Pipeline.Storage.Tables;

/// <summary>Articles in Table Storage (records, versions, slugs, listing and schedule rows) with their content as JSON blobs.</summary>
internal sealed class TableArticleStore(StorageClients clients, ContentCache contents) : IArticleStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Filters are written as OData text rather than expression lambdas: the SDK compiles a lambda's captured values
    // into a new dynamic method on every query, which showed up as a tenth of the host's CPU in a burst.
    private static readonly string NotesFilter = TableClient.CreateQueryFilter(
        $"PartitionKey eq {DirtyListingEntity.Partition} and RowKey ne {DirtyListingEntity.QueuedRow} and RowKey ne {DirtyListingEntity.RunningRow}");

    /// <summary>The most rows the table service returns in one page ($top above it is refused); more come page by page.</summary>
    private const int MaxPageRows = 1000;

    /// <summary>The shortest window of time above an article that its newer neighbours are first looked for in.</summary>
    private static readonly TimeSpan FirstNeighbourWindow = TimeSpan.FromSeconds(10);

    /// <summary>Beyond about three years a neighbour search reads the rest of the partition above the article at once.</summary>
    private static readonly TimeSpan NeighbourWindowLimit = TimeSpan.FromDays(1100);

    public async Task<ArticleRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await clients.Articles.GetEntityIfExistsAsync<ArticleEntity>(TableKeys.Check(id), ArticleEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) with { ReadAt = response.GetRawResponse().Headers.Date } : null;
    }

    public async Task<ArticleRecord> SaveAsync(ArticleRecord record, CancellationToken cancellationToken, bool newVersion = true)
    {
        var entity = ToEntity(record);
        if (!newVersion && record.ETag is { } etag)
        {
            // Only the record changes (a render finished, a short code was replaced): one write, no transaction.
            try
            {
                var updated = await clients.Articles.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
                return AsStored(record, entity, updated.Headers.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                throw new ConcurrencyException($"article {record.Id} was written concurrently", ex);
            }
        }

        var version = new ArticleVersionEntity
        {
            PartitionKey = entity.PartitionKey,
            RowKey = ArticleVersionEntity.RowFor(record.Version),
            Version = record.Version,
            ContentHash = record.ContentHash,
            Headline = record.Headline,
            At = record.UpdatedAt,
            SourceBlob = record.SourceBlob,
        };
        var actions = EntityLimits.CheckBatch(
        [
            record.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(record.ETag)),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, version),
        ]);
        try
        {
            var response = await clients.Articles.SubmitTransactionAsync(actions, cancellationToken);
            return AsStored(record, entity, response.Value[0].Headers.ETag);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyException($"article {record.Id} was written concurrently", ex);
        }
    }

    public async IAsyncEnumerable<ArticleRecord> ListRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in clients.Articles.QueryAsync<ArticleEntity>(TableClient.CreateQueryFilter($"RowKey eq {ArticleEntity.Row}"), maxPerPage: MaxPageRows, cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    public async Task<IReadOnlyList<ArticleVersion>> GetVersionsAsync(string id, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Check(id);
        var versions = new List<ArticleVersion>();
        var query = clients.Articles.QueryAsync<ArticleVersionEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ArticleVersionEntity.RowPrefix} and RowKey lt {"w"}"),
            cancellationToken: cancellationToken);
        await foreach (var e in query)
        {
            versions.Add(new ArticleVersion(e.Version, e.ContentHash, e.Headline, e.At, e.SourceBlob));
        }

        return versions;
    }

    public async Task<ParsedArticle?> GetContentAsync(string id, string contentHash, CancellationToken cancellationToken)
    {
        if (contents.TryGet(id, contentHash, out var known))
        {
            return known;
        }

        try
        {
            var result = await clients.Content.GetBlobClient(ContentBlob(id, contentHash)).DownloadContentAsync(cancellationToken);
            var content = result.Value.Content.ToObjectFromJson<ParsedArticle>(Json)!;
            contents.Set(id, contentHash, content);
            return content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveContentAsync(string id, string contentHash, ParsedArticle content, CancellationToken cancellationToken)
    {
        var blob = clients.Content.GetBlobClient(ContentBlob(id, contentHash));
        try
        {
            // Content is addressed by its hash, so an existing blob already holds exactly this content.
            await blob.UploadAsync(BinaryData.FromObjectAsJson(content, Json), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
        }

        // Only once storage holds it: a failed write must not leave content here that no blob backs.
        contents.Set(id, contentHash, content);
    }

    public async Task<string?> FindSlugOwnerAsync(string slug, CancellationToken cancellationToken)
    {
        var owner = await clients.Slugs.GetEntityIfExistsAsync<SlugEntity>(TableKeys.Check(slug), SlugEntity.Row, cancellationToken: cancellationToken);
        return owner.HasValue ? owner.Value!.ArticleId : null;
    }

    public async Task<bool> TryClaimSlugAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var entity = new SlugEntity { PartitionKey = TableKeys.Check(slug), ArticleId = id };
        try
        {
            await clients.Slugs.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindSlugOwnerAsync(slug, cancellationToken) == id;
        }
    }

    public async Task<string?> ClaimStoryAsync(string key, string id, CancellationToken cancellationToken)
    {
        // A story key shares the Slugs table: it is another name only one article may own, and a ':' keeps it apart
        // from every slug (slugs are letters, digits and dashes).
        var partition = TableKeys.Check("story:" + key);
        try
        {
            await clients.Slugs.AddEntityAsync(new SlugEntity { PartitionKey = partition, ArticleId = id }, cancellationToken);
            return id;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var owner = await clients.Slugs.GetEntityIfExistsAsync<SlugEntity>(partition, SlugEntity.Row, cancellationToken: cancellationToken);
            return owner.HasValue ? owner.Value!.ArticleId : null;
        }
    }

    public Task HoldForReviewAsync(ArticleRecord record, CancellationToken cancellationToken) =>
        clients.ArticleIndex.UpsertEntityAsync(ToIndexEntity(record, PartitionOf(ArticleListing.Review)), TableUpdateMode.Replace, cancellationToken);

    public async Task ReleaseFromReviewAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await clients.ArticleIndex.DeleteEntityAsync(PartitionOf(ArticleListing.Review), ArticleIndexEntity.RowFor(record.PublishedAt, record.Id), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async Task IndexAsync(IReadOnlyCollection<ArticleRecord> records, CancellationToken cancellationToken)
    {
        // One transaction per listing partition (and per 100 rows): a file of ten articles in one section writes its
        // thirty listing rows in three requests, not thirty.
        await clients.ArticleIndex.UpsertAsync(
            records.SelectMany(record => ArticleListing.Of(record).Select(listing => ToIndexEntity(record, PartitionOf(listing)))), cancellationToken);
    }

    private static ArticleIndexEntity ToIndexEntity(ArticleRecord record, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = ArticleIndexEntity.RowFor(record.PublishedAt, record.Id),
        Id = record.Id,
        Headline = record.Headline,
        Path = record.Path,
        Section = record.Section,
        PublishedAt = record.PublishedAt,
        UpdatedAt = record.UpdatedAt,
        Description = record.Description,
        Picture = record.Picture?.Compact(),
        Byline = record.Byline,
        Excerpt = record.Excerpt,
        Featured = record.Featured ? true : null,
        ContentHash = record.ContentHash,
        ShortCode = record.ShortCode,
    };

    public async Task UnindexAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var row = ArticleIndexEntity.RowFor(record.PublishedAt, record.Id);
        await Task.WhenAll(ArticleListing.Of(record).Select(async listing =>
        {
            try
            {
                await clients.ArticleIndex.DeleteEntityAsync(PartitionOf(listing), row, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }));
    }

    public async Task<ArticlePage> ListAsync(ArticleListing listing, int top, string? continuation, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(listing);
        var size = Math.Clamp(top, 1, MaxPageRows);
        var query = clients.ArticleIndex.QueryAsync<ArticleIndexEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: size, cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(continuation, size))
        {
            var items = page.Values.Select(ToSummary).ToList();
            return new ArticlePage(items, page.ContinuationToken);
        }

        return new ArticlePage([], null);
    }

    public async Task<ArticleNeighbours> ListNeighboursAsync(ArticleListing listing, DateTimeOffset publishedAt, string id, int count, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(listing);
        var row = ArticleIndexEntity.RowFor(publishedAt, id);

        // Older articles sort after the row: the first rows past it.
        var older = await FirstRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {row}"), count, cancellationToken);

        // Newer ones sort before it and a table query only reads forwards, so read a window of time just above the
        // article, widening it until it holds enough rows; only the rows inside the window are ever read. The first
        // window is as long as the older rows span (where articles come evenly it holds about as many), at least 10 s
        // and at most a day: in a burst of breaking news a day holds hundreds of articles, and reading them all for
        // every article's neighbours made a burst quadratic. (Reading the window and the older rows in one query
        // was tried: a page that covers a crowded window returns dozens of older rows too, and cost more than it saved.)
        var span = older.Count == count ? publishedAt - older[^1].PublishedAt : TimeSpan.Zero;
        var newer = new List<ArticleSummary>();
        List<ArticleSummary>? newest = null;
        for (var window = Math.Clamp(span.Ticks, FirstNeighbourWindow.Ticks, TimeSpan.TicksPerDay); ; window *= 4)
        {
            var wide = window > NeighbourWindowLimit.Ticks;
            var from = wide ? string.Empty : ArticleIndexEntity.TicksPrefix(publishedAt + TimeSpan.FromTicks(window));
            var found = new List<ArticleSummary>();
            await foreach (var e in clients.ArticleIndex.QueryAsync<ArticleIndexEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {row}"), cancellationToken: cancellationToken))
            {
                found.Add(ToSummary(e));
            }

            if (found.Count >= count || wide)
            {
                newer = found;
                break;
            }

            if (newest is not null)
            {
                // This window reaches the last of the listing's newest rows: with them it holds every newer row.
                newer = newest.Where(n => found.TrueForAll(f => f.Id != n.Id)).Concat(found).ToList();
                break;
            }

            // Too few close above it: the listing's newest rows say whether there are enough at all (the newest
            // article of a listing has none), and how far the next window must reach to hold enough (after a gap
            // of months, widening fourfold from seconds took a dozen reads).
            newest = await FirstRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {row}"), count, cancellationToken);
            if (newest.Count < count)
            {
                newer = newest;
                break;
            }

            window = Math.Max(window, ((newest[^1].PublishedAt - publishedAt).Ticks / 4) + 1);
        }

        newer.Reverse();
        return new ArticleNeighbours(newer.Take(count).ToList(), older);
    }

    /// <summary>The first <paramref name="count"/> listing rows a filter selects, in key order, in one read.</summary>
    private async Task<List<ArticleSummary>> FirstRowsAsync(string filter, int count, CancellationToken cancellationToken)
    {
        var rows = new List<ArticleSummary>(count);
        await foreach (var e in clients.ArticleIndex.QueryAsync<ArticleIndexEntity>(filter, maxPerPage: count, cancellationToken: cancellationToken))
        {
            rows.Add(ToSummary(e));
            if (rows.Count == count)
            {
                break;
            }
        }

        return rows;
    }

    public async Task<ArticleWindow?> ReadWindowAsync(
        ArticleListing listing, DateTimeOffset from, IReadOnlyCollection<(DateTimeOffset PublishedAt, string Id)> through, int beyond, int maxRows, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(listing);
        var last = through.Select(t => ArticleIndexEntity.RowFor(t.PublishedAt, t.Id)).Max(StringComparer.Ordinal)!;
        var rows = new List<ArticleSummary>();
        var past = 0;
        var query = clients.ArticleIndex.QueryAsync<ArticleIndexEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ArticleIndexEntity.TicksPrefix(from)}"), maxPerPage: Math.Min(maxRows + 1, MaxPageRows), cancellationToken: cancellationToken);
        await foreach (var e in query)
        {
            if (rows.Count == maxRows)
            {
                return null;
            }

            rows.Add(ToSummary(e));
            if (string.CompareOrdinal(e.RowKey, last) > 0 && ++past == beyond)
            {
                return new ArticleWindow(rows, ReachedEnd: false);
            }
        }

        return new ArticleWindow(rows, ReachedEnd: true);
    }

    public async Task<DateTimeOffset?> MarkRenderPendingAsync(IReadOnlyCollection<(string Id, int Version)> renders, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = renders.Select(r => new RenderPendingEntity { RowKey = RenderPendingEntity.RowFor(r.Id, r.Version), Version = r.Version, RequestedAt = at });
        return await clients.ArticleIndex.UpsertAsync(rows, cancellationToken);
    }

    public async Task ClearRenderPendingAsync(IReadOnlyCollection<(string Id, int Version)> renders, CancellationToken cancellationToken)
    {
        // The version is in the key, so this deletes exactly the requests that are done; a newer one has its own row.
        await clients.ArticleIndex.DeleteAsync(renders.Select(r => (RenderPendingEntity.Partition, RenderPendingEntity.RowFor(r.Id, r.Version), ETag.All)), cancellationToken);
    }

    public async Task<IReadOnlyList<(string Id, int Version)>> ListRenderPendingAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var pending = new List<(string, int)>();
        var query = clients.ArticleIndex.QueryAsync<RenderPendingEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {RenderPendingEntity.Partition} and RequestedAt le {before}"), maxPerPage: max, cancellationToken: cancellationToken);
        await foreach (var e in query)
        {
            pending.Add((RenderPendingEntity.IdOf(e.RowKey), e.Version));
            if (pending.Count >= max)
            {
                break;
            }
        }

        return pending;
    }

    public async Task<bool> NoteListingsChangedAsync(IReadOnlyCollection<(string ArticleId, string Key, DateTimeOffset? Since)> notes, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await clients.ArticleIndex.UpsertAsync(
            notes.Select(n => new DirtyListingEntity { RowKey = TableKeys.Check($"{n.Key}|{n.ArticleId}"), ListingKey = n.Key, ArticleId = n.ArticleId, MarkedAt = now, Since = n.Since }),
            cancellationToken);

        // Written before this read: a refresh queued and not started will see these notes.
        var queued = await clients.ArticleIndex.GetEntityIfExistsAsync<DirtyListingEntity>(DirtyListingEntity.Partition, DirtyListingEntity.QueuedRow, cancellationToken: cancellationToken);
        return !queued.HasValue;
    }

    public async Task MarkRefreshQueuedAsync(string token, CancellationToken cancellationToken) =>
        await clients.ArticleIndex.UpsertEntityAsync(
            new DirtyListingEntity { RowKey = DirtyListingEntity.QueuedRow, ListingKey = string.Empty, ArticleId = string.Empty, MarkedAt = DateTimeOffset.UtcNow, Token = token },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> TryLockRefreshAsync(string token, TimeSpan expiry, CancellationToken cancellationToken)
    {
        // A claim released between the insert and the read is tried again, a few times at most.
        for (var attempt = 1; ; attempt++)
        {
            if (await TryLockOnceAsync(token, expiry, cancellationToken) is { } locked)
            {
                return locked;
            }

            if (attempt == 3)
            {
                return false;
            }
        }
    }

    /// <summary>True or false when decided; null when the claim was released while it looked.</summary>
    private async Task<bool?> TryLockOnceAsync(string token, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var claim = new DirtyListingEntity
        {
            RowKey = DirtyListingEntity.RunningRow, ListingKey = string.Empty, ArticleId = string.Empty, MarkedAt = DateTimeOffset.UtcNow, Token = token,
        };
        try
        {
            await clients.ArticleIndex.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var held = await clients.ArticleIndex.GetEntityIfExistsAsync<DirtyListingEntity>(DirtyListingEntity.Partition, DirtyListingEntity.RunningRow, cancellationToken: cancellationToken);
        if (!held.HasValue)
        {
            return null;
        }

        if (held.Value!.Token == token)
        {
            return true;
        }

        // Judged by storage's clock (the row's Timestamp), so hosts with different clocks agree on when a claim expired.
        var now = held.GetRawResponse().Headers.Date ?? DateTimeOffset.UtcNow;
        if (held.Value.Timestamp is { } since && now - since < expiry)
        {
            return false;
        }

        try
        {
            await clients.ArticleIndex.UpdateEntityAsync(claim, held.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task UnlockRefreshAsync(string token, CancellationToken cancellationToken)
    {
        var held = await clients.ArticleIndex.GetEntityIfExistsAsync<DirtyListingEntity>(DirtyListingEntity.Partition, DirtyListingEntity.RunningRow, cancellationToken: cancellationToken);
        if (!held.HasValue || held.Value!.Token != token)
        {
            return;
        }

        try
        {
            await clients.ArticleIndex.DeleteEntityAsync(DirtyListingEntity.Partition, DirtyListingEntity.RunningRow, held.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    public async Task<IReadOnlyList<ListingNote>> BeginRefreshAsync(string token, CancellationToken cancellationToken)
    {
        await ClearQueuedMarkAsync(token, cancellationToken);
        var notes = new List<ListingNote>();
        await foreach (var e in clients.ArticleIndex.QueryAsync<DirtyListingEntity>(
            NotesFilter, cancellationToken: cancellationToken))
        {
            notes.Add(new ListingNote(e.ListingKey, e.ArticleId, e.MarkedAt, $"{e.RowKey}\n{e.ETag}") { Since = e.Since });
        }

        return notes;
    }

    public async Task<bool> CompleteRefreshAsync(string token, IReadOnlyList<ListingNote> notes, CancellationToken cancellationToken)
    {
        // A note rewritten since it was read (its ETag changed) is kept for the next pass.
        var kept = await clients.ArticleIndex.DeleteAsync(
            notes.Select(n => SplitToken(n.Token)).Select(t => (DirtyListingEntity.Partition, t.Row, new ETag(t.ETag))), cancellationToken);

        // Our mark written after we began means notes written meanwhile skipped queueing: they need another pass.
        return !await ClearQueuedMarkAsync(token, cancellationToken) && kept == 0;
    }

    /// <summary>Deletes the queued mark if it is <paramref name="token"/>'s; true when it was.</summary>
    private async Task<bool> ClearQueuedMarkAsync(string token, CancellationToken cancellationToken)
    {
        var mark = await clients.ArticleIndex.GetEntityIfExistsAsync<DirtyListingEntity>(DirtyListingEntity.Partition, DirtyListingEntity.QueuedRow, cancellationToken: cancellationToken);
        if (!mark.HasValue || mark.Value!.Token != token)
        {
            return false;
        }

        try
        {
            await clients.ArticleIndex.DeleteEntityAsync(DirtyListingEntity.Partition, DirtyListingEntity.QueuedRow, mark.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }

        return true;
    }

    public async Task<DateTimeOffset?> OldestListingNoteAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? oldest = null;
        await foreach (var e in clients.ArticleIndex.QueryAsync<DirtyListingEntity>(
            NotesFilter,
            select: [nameof(DirtyListingEntity.MarkedAt)], cancellationToken: cancellationToken))
        {
            oldest = oldest is null || e.MarkedAt < oldest ? e.MarkedAt : oldest;
        }

        return oldest;
    }

    private static (string Row, string ETag) SplitToken(string token)
    {
        var split = token.IndexOf('\n', StringComparison.Ordinal);
        return (token[..split], token[(split + 1)..]);
    }

    public async Task ScheduleAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new ScheduleEntity { RowKey = ScheduleEntity.RowFor(at, id), ArticleId = id, DueAt = at };
        await clients.ArticleIndex.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task UnscheduleAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await clients.ArticleIndex.DeleteEntityAsync(ScheduleEntity.Partition, ScheduleEntity.RowFor(at, id), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async Task<IReadOnlyList<(string Id, DateTimeOffset At)>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var upper = ScheduleEntity.RowFor(now, "~");
        var due = new List<(string, DateTimeOffset)>();
        var query = clients.ArticleIndex.QueryAsync<ScheduleEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ScheduleEntity.Partition} and RowKey le {upper}"), maxPerPage: max, cancellationToken: cancellationToken);
        await foreach (var e in query)
        {
            due.Add((e.ArticleId, e.DueAt));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>Partition of a listing in ArticleIndex: <c>all</c>, <c>s-news</c>, <c>t-climate</c>, <c>m-2026-03</c>.</summary>
    internal static string PartitionOf(ArticleListing listing) => TableKeys.Check(listing.Kind switch
    {
        ArticleListingKind.All => ArticleIndexEntity.AllPartition,
        ArticleListingKind.Section => "s-" + listing.Key,
        ArticleListingKind.Tag => "t-" + listing.Key,
        ArticleListingKind.Month => "m-" + listing.Key,
        ArticleListingKind.Review => ArticleListing.Review.ToKey(),
        _ => throw new ArgumentOutOfRangeException(nameof(listing)),
    });

    private static ArticleSummary ToSummary(ArticleIndexEntity e) =>
        new(e.Id, e.Headline, e.Path, e.Section, e.PublishedAt, e.UpdatedAt, e.Description, e.ShortCode, ArticlePicture.FromCompact(e.Picture), e.Byline, e.Excerpt, e.Featured == true, e.ContentHash);

    private static string ContentBlob(string id, string hash) => $"{id}/{hash}.json";

    private static ArticleEntity ToEntity(ArticleRecord r)
    {
        var entity = new ArticleEntity
        {
            PartitionKey = TableKeys.Check(r.Id),
            Slug = r.Slug,
            Path = r.Path,
            Headline = r.Headline,
            Section = r.Section,
            Tags = string.Join('|', r.Tags),
            Description = r.Description,
            Picture = r.Picture?.Compact(),
            Byline = r.Byline,
            Excerpt = r.Excerpt,
            Featured = r.Featured ? true : null,
            PublishedAt = r.PublishedAt,
            UpdatedAt = r.UpdatedAt,
            Version = r.Version,
            RenderedVersion = r.RenderedVersion,
            RenderedFrom = r.RenderedFrom,
            ContentHash = r.ContentHash,
            ShortCode = r.ShortCode,
            OriginalShortUrl = r.OriginalShortUrl,
            SourceBlob = r.SourceBlob,
            SourcePosition = r.SourcePosition,
            State = r.State.ToString(),
            Review = r.ReviewReasons.Count == 0 ? null : string.Join('\n', r.ReviewReasons),
            ApprovedAt = r.ApprovedAt,
            Corrections = r.Corrections is null ? null : JsonSerializer.Serialize(r.Corrections, Json),
        };
        EntityLimits.Check(entity);
        return entity;
    }

    /// <summary>The record as a read would return it now (times in UTC, tags as stored), so callers may render from it.</summary>
    private static ArticleRecord AsStored(ArticleRecord saved, ArticleEntity entity, ETag? etag) =>
        ToRecord(entity) with { ETag = etag?.ToString(), ReadAt = saved.ReadAt };

    private static ArticleRecord ToRecord(ArticleEntity e) => new()
    {
        Id = e.PartitionKey,
        Slug = e.Slug,
        Path = e.Path,
        Headline = e.Headline,
        Section = e.Section,
        Tags = e.Tags.Length == 0 ? [] : e.Tags.Split('|'),
        Description = e.Description,
        Picture = ArticlePicture.FromCompact(e.Picture),
        Byline = e.Byline,
        Excerpt = e.Excerpt,
        Featured = e.Featured == true,
        PublishedAt = e.PublishedAt.ToUniversalTime(),
        UpdatedAt = e.UpdatedAt.ToUniversalTime(),
        Version = e.Version,
        RenderedVersion = e.RenderedVersion,
        RenderedFrom = e.RenderedFrom?.ToUniversalTime(),
        ContentHash = e.ContentHash,
        ShortCode = e.ShortCode,
        OriginalShortUrl = e.OriginalShortUrl,
        SourceBlob = e.SourceBlob,
        SourcePosition = e.SourcePosition,
        State = Enum.Parse<ArticleState>(e.State),
        ReviewReasons = string.IsNullOrEmpty(e.Review) ? [] : e.Review.Split('\n'),
        ApprovedAt = e.ApprovedAt?.ToUniversalTime(),
        Corrections = e.Corrections is null ? null : JsonSerializer.Deserialize<ArticleCorrections>(e.Corrections, Json),
        ETag = e.ETag.ToString(),
    };
}
