using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Parsing;
using Pipeline.Core.Pictures;
using Pipeline.Core.Text;
using Pipeline.Core.Uploads;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Reads an upload, stores each article (new, changed or unchanged), makes sure it has its short link, and renders
/// its page (<see cref="PipelineOptions.RenderOnIngest"/>; otherwise, or when that fails, it queues the render). Every
/// step is idempotent, so a retried or duplicated trigger converges on the same state: unchanged content writes
/// nothing, changed content makes one new version under the same URL and short link.
/// </summary>
public sealed class ArticleIngestor(
    IUploadStore uploads,
    IUploadStatusStore statuses,
    ArticleFileParser parser,
    PictureAttacher pictures,
    IArticleStore articles,
    ArticleIdentity identity,
    ShortLinkService links,
    IRenderQueue renderQueue,
    IArticleRenderer renderer,
    WorkingMemoryGate memory,
    IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<ArticleIngestor> logger) : IArticleIngestor
{
    private const int MaxConcurrencyRetries = 10;

    /// <summary>Articles of one upload rendered by one message.</summary>
    private const int ArticlesPerRender = 10;

    public async Task<IngestResult> IngestAsync(string name, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        var renders = new List<StoredRender>();
        IngestResult result;
        try
        {
            result = await IngestCoreAsync(name, receivedAt, renders, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage trouble is transient: the trigger retries; until then the editor sees why it is not published yet.
            await TrySetStatusAsync(new UploadStatus
            {
                Name = name,
                State = UploadState.Retrying,
                Reason = $"temporary failure, retrying: {FailureReason.Of(ex)}",
                ReceivedAt = receivedAt,
                UpdatedAt = clock.GetUtcNow(),
            }, cancellationToken);
            throw;
        }

        // Once the upload's bytes are let go: its pages take room in the same working-memory budget.
        await RenderStoredAsync(renders, cancellationToken);
        return result;
    }

    /// <summary>
    /// Renders an upload's articles here, from the records just stored; a batch whose render fails is queued instead,
    /// so the render queue's retries and poison handling take over. A crash before either leaves the pending-render
    /// rows, which the recovery sweep queues again.
    /// </summary>
    private async Task RenderStoredAsync(IReadOnlyList<StoredRender> renders, CancellationToken cancellationToken)
    {
        foreach (var render in renders)
        {
            try
            {
                await renderer.RenderAsync(render.Request, render.Records, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Render of {Count} article(s) on ingest failed; queued for the render function", render.Records.Count);
                await renderQueue.EnqueueAsync(render.Request, cancellationToken);
            }
        }
    }

    /// <param name="renders">Takes the upload's renders, for the caller to run once the upload's memory is released.</param>
    private async Task<IngestResult> IngestCoreAsync(string name, DateTimeOffset receivedAt, List<StoredRender> renders, CancellationToken cancellationToken)
    {
        if (UploadNames.Check(name) is { } badName)
        {
            return await FailAsync(name, receivedAt, badName, cancellationToken);
        }

        if (PictureFiles.IsPicture(name))
        {
            return await IngestPictureAsync(name, receivedAt, renders, cancellationToken);
        }

        await using var upload = await uploads.OpenAsync(name, cancellationToken);
        if (upload is null)
        {
            // A name never seen (a retry or recovery of something nobody uploaded) gets no status row: one would make
            // it look like an upload that was deleted.
            return await statuses.GetAsync(name, cancellationToken) is null
                ? new IngestResult(name, UploadState.Failed, [], IngestResult.UploadMissing)
                : await FailAsync(name, receivedAt, IngestResult.UploadMissing, cancellationToken);
        }

        // An upload never seen before cannot have stored articles yet (its status is written before any of them), so
        // its articles skip the reads that look for earlier versions: two requests fewer per article in a burst.
        var received = new UploadStatus { Name = name, State = UploadState.Received, ReceivedAt = receivedAt, UpdatedAt = receivedAt };
        var firstSeen = await statuses.TryAddAsync(received, cancellationToken);
        if (!firstSeen)
        {
            await statuses.SetAsync(received, cancellationToken);
        }

        var limit = options.Value.MaxUploadBytes;
        if (upload.Length > limit)
        {
            return await FailAsync(name, receivedAt, $"file is {Megabytes(upload.Length)}; the limit is {Megabytes(limit)}", cancellationToken);
        }

        // Held until the articles are stored: the file's bytes, its text and the parsed articles are all alive until then.
        using var buffer = await memory.EnterAsync(upload.Length, cancellationToken);
        var bytes = await ReadAllAsync(upload, cancellationToken);
        var parsed = parser.Parse(bytes, new ParseContext(name, upload.LastModified) { MaxBytes = limit });
        if (!parsed.Succeeded)
        {
            return await FailAsync(name, receivedAt, string.Join("; ", parsed.Errors), cancellationToken);
        }

        var matches = await identity.ResolveAsync(name, parsed.Articles, seenBefore: !firstSeen, cancellationToken);
        var stored = new List<ArticleRecord>(parsed.Articles.Count);
        var warnings = new List<string>(parsed.Warnings);
        var embedded = Path.GetExtension(name).Equals(".docx", StringComparison.OrdinalIgnoreCase)
            ? WordPictures.Extract(bytes, PictureRenderer.MaxBytes, PictureFiles.MaxPerArticle)
            : ([], []);
        warnings.AddRange(embedded.Problems);
        var work = new UploadWork { ArticleCount = parsed.Articles.Count, Embedded = embedded.Pictures };
        for (var position = 0; position < parsed.Articles.Count; position++)
        {
            var article = parsed.Articles[position];
            var match = matches[position];
            var label = $"article {position + 1} ({article.Headline})";
            if (match.RepeatOf is { } earlier)
            {
                warnings.Add($"{label} repeats article {earlier + 1} of this file and was skipped");
                continue;
            }

            var surelyNew = firstSeen && !match.SameStoryAs && article.Id is null && article.Slug is null;
            var record = await StoreAsync(match.Id, article, name, position, surelyNew, work, cancellationToken);
            stored.Add(record);
            warnings.AddRange(record.State == ArticleState.Review ? [] : article.Warnings.Select(w => $"{label}: {w}"));
            if (match.SameStoryAs)
            {
                warnings.Add(record.SourceBlob == name
                    ? $"{label}: same article as {record.Id}, uploaded before in another file; stored as its version {record.Version}"
                    : $"{label}: same article as {record.Id} from {record.SourceBlob}; nothing changed");
            }

            if (record.State == ArticleState.Review)
            {
                warnings.Add($"{label} is held for review: {string.Join("; ", record.ReviewReasons.Concat(article.Warnings))}");
            }
            else if (record.State is ArticleState.Removed or ArticleState.Rejected)
            {
                warnings.Add($"{label} was {(record.State == ArticleState.Removed ? "unpublished" : "rejected in review")}; uploading it again does not publish it");
            }
            else if (article.Published is null && article.Updated is null && article.PublishAt is null && record.Version == 1)
            {
                warnings.Add($"{label}: the file gives no date for it, so it is dated by its upload");
            }
        }

        // The file's listing rows (of links, then of articles) and render requests together: a transaction per listing
        // instead of a write per row. Repeated in full when the ingest is retried, so a crash before here loses none.
        // The pages of a large upload wait for room in the memory budget, and its ingest would hold its trigger's slot
        // meanwhile, so other uploads could not start: those go through the queue. An ordinary upload renders here.
        warnings.AddRange(work.PictureWarnings);
        var batches = await FinishAsync(work, cancellationToken);
        if (options.Value.RenderOnIngest && parsed.Articles.Sum(WorkingMemoryGate.PageBytes) <= options.Value.WorkingMemoryBytes / 8)
        {
            renders.AddRange(batches);
        }
        else
        {
            await QueueAsync(batches, cancellationToken);
        }

        await statuses.SetAsync(new UploadStatus
        {
            Name = name,
            State = UploadState.Published,
            ArticleIds = stored.Select(a => a.Id).ToList(),
            Warnings = warnings,
            ReceivedAt = receivedAt,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        await pictures.RecordAsync(work.Pictures, name, stored.FirstOrDefault()?.Id, cancellationToken);

        return new IngestResult(name, UploadState.Published, stored, null);
    }

    /// <summary>
    /// A picture is published with its article: when the article file is there, ingesting that again takes the picture
    /// up (and records the picture's status); until then the picture is checked and waits, and the article's own
    /// upload takes it up when it comes.
    /// </summary>
    private async Task<IngestResult> IngestPictureAsync(string name, DateTimeOffset receivedAt, List<StoredRender> renders, CancellationToken cancellationToken)
    {
        var neighbours = await pictures.NeighboursAsync(name, cancellationToken);
        if (!neighbours.Contains(name))
        {
            return await statuses.GetAsync(name, cancellationToken) is null
                ? new IngestResult(name, UploadState.Failed, [], IngestResult.UploadMissing)
                : await FailAsync(name, receivedAt, IngestResult.UploadMissing, cancellationToken);
        }

        // The article that named or showed it last, else the one its name says.
        if ((await statuses.GetAsync(name, cancellationToken))?.ShownWith is { } shownWith)
        {
            logger.LogInformation("Picture {Name} goes with {Article}; ingesting that again", name, shownWith);
            var again = await IngestCoreAsync(shownWith, receivedAt, renders, cancellationToken);
            if (again.Reason != IngestResult.UploadMissing)
            {
                return again;
            }
        }

        if (PictureFiles.ArticleFor(name, neighbours) is { } article)
        {
            logger.LogInformation("Picture {Name} goes with {Article}; ingesting that again", name, article);
            return await IngestCoreAsync(article, receivedAt, renders, cancellationToken);
        }

        if (await pictures.CheckAsync(name, cancellationToken) is { } problem)
        {
            return await FailAsync(name, receivedAt, problem, cancellationToken);
        }

        var waiting = new UploadStatus
        {
            Name = name,
            State = UploadState.Waiting,
            Reason = $"waiting for its article: {PictureFiles.StemOf(name)} with .txt, .md, .json or .docx",
            ReceivedAt = receivedAt,
            UpdatedAt = clock.GetUtcNow(),
        };
        await statuses.SetAsync(waiting, cancellationToken);
        return new IngestResult(name, UploadState.Waiting, [], waiting.Reason);
    }

    /// <param name="surelyNew">The id cannot exist yet, so the first attempt inserts without reading (a conflict reads and retries).</param>
    /// <param name="work">Collects the links and articles whose listing rows (and renders) the caller writes for the whole file.</param>
    private async Task<ArticleRecord> StoreAsync(
        string id, ParsedArticle article, string blobName, int position, bool surelyNew, UploadWork work, CancellationToken cancellationToken)
    {
        var section = Slug.From(article.Section ?? options.Value.DefaultSection);
        var uploaded = article;
        return await ConflictRetry.RunAsync(async attempt =>
        {
            var existing = surelyNew && attempt == 1 ? null : await articles.GetAsync(id, cancellationToken);

            // The pictures are listed after the read (an insert-only first attempt is conditional too), so an ingest
            // that a picture's own trigger ran in between makes this write conflict and list again: the version
            // without the picture cannot overwrite the one with it.
            var pictured = position == 0 ? await WithPicturesAsync(uploaded, blobName, work, cancellationToken) : uploaded;

            // An editor's corrections outlive the file: laid over every later upload of the article.
            article = existing?.Corrections is { } corrections ? corrections.ApplyTo(pictured) : pictured;
            var hash = ContentHash.Of(article);
            var record = existing is null
                ? await CreateAsync(id, article, section, hash, blobName, position, cancellationToken)
                : existing.ContentHash == hash || SameButFolder(existing, article) ? existing
                : await UpdateAsync(existing, article, section, hash, blobName, position, cancellationToken);
            return await CompleteAsync(record, work, cancellationToken, newLink: existing is null);
        }, MaxConcurrencyRetries, cancellationToken);
    }

    /// <summary>The file's first article with the pictures uploaded beside it (see <see cref="PictureFiles"/>).</summary>
    private async Task<ParsedArticle> WithPicturesAsync(ParsedArticle article, string blobName, UploadWork work, CancellationToken cancellationToken)
    {
        var address = Uri.TryCreate(article.ImageUrl, UriKind.Absolute, out var given) && given.Scheme is "https" or "http" ? given : null;
        work.Pictures = await pictures.PrepareAsync(blobName, article.PictureNames, work.Embedded, address, cancellationToken);
        work.PictureWarnings = [];
        return PictureAttacher.AttachTo(article, work.ArticleCount, work.Pictures, work.PictureWarnings);
    }

    private async Task<ArticleRecord> CreateAsync(
        string id, ParsedArticle article, string section, string hash, string blobName, int position, CancellationToken cancellationToken)
    {
        var slug = await identity.ClaimSlugAsync(article.Slug is { } wanted ? Slug.From(wanted) : Slug.From(article.Headline), id, cancellationToken);
        var now = clock.GetUtcNow();
        await articles.SaveContentAsync(id, hash, article, cancellationToken);
        var record = new ArticleRecord
        {
            Id = id,
            Slug = slug,
            Path = string.Empty,
            Headline = article.Headline,
            Section = section,
            Tags = article.Tags,
            Description = Describe(article),
            Picture = article.Pictures.FirstOrDefault(),
            Byline = article.Byline,
            Featured = article.Featured,
            Excerpt = Excerpt(article),
            PublishedAt = OwnDate(article, now),
            UpdatedAt = ModifiedDate(article, OwnDate(article, now), now),
            Version = 1,
            ContentHash = hash,
            ShortCode = ShortCodeGenerator.Next(),
            OriginalShortUrl = article.OriginalShortUrl,
            SourceBlob = blobName,
            SourcePosition = position,
            State = Intended(article, now, existing: null),
            ReviewReasons = article.ReviewReasons,
        };
        record = await articles.SaveAsync(PublishIfDue(record, article, now), cancellationToken);
        logger.LogInformation("Stored new article {ArticleId} ({Slug}, {State}, short link {Code}) from {BlobName}", id, slug, record.State, record.ShortCode, blobName);
        return record;
    }

    private async Task<ArticleRecord> UpdateAsync(
        ArticleRecord existing, ParsedArticle article, string section, string hash, string blobName, int position, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await articles.SaveContentAsync(existing.Id, hash, article, cancellationToken);
        var changed = existing with
        {
            Headline = article.Headline,
            Section = existing.HasPage ? existing.Section : section,
            Tags = article.Tags,
            Description = Describe(article),
            Picture = article.Pictures.FirstOrDefault(),
            Byline = article.Byline,
            Featured = article.Featured,
            Excerpt = Excerpt(article),
            Version = existing.Version + 1,
            ContentHash = hash,
            UpdatedAt = existing.HasPage ? now : ModifiedDate(article, OwnDate(article, now), now),
            OriginalShortUrl = article.OriginalShortUrl ?? existing.OriginalShortUrl,
            SourceBlob = blobName,
            SourcePosition = position,
            State = existing.State is ArticleState.Removed or ArticleState.Rejected ? existing.State : Intended(article, now, existing),
            PublishedAt = existing.HasPage ? existing.PublishedAt : OwnDate(article, now),
            ReviewReasons = existing.ApprovedAt is null ? article.ReviewReasons : existing.ReviewReasons,
        };
        if (existing.State == ArticleState.Review)
        {
            // Its queue row is keyed by the publish date, which the new version may change; a held one is listed again on completion.
            await articles.ReleaseFromReviewAsync(existing, cancellationToken);
        }

        if (existing.State == ArticleState.Published && !existing.Tags.SequenceEqual(changed.Tags))
        {
            // The article leaves the tag listings it no longer belongs to; the new set is written on completion.
            await articles.UnindexAsync(existing, cancellationToken);
        }

        var record = await articles.SaveAsync(PublishIfDue(changed, article, now), cancellationToken);
        logger.LogInformation("Article {ArticleId} changed: version {Version} ({State})", record.Id, record.Version, record.State);
        return record;
    }

    /// <summary>The steps after the record is stored; each is a no-op when already done, so re-ingest repairs a crash.</summary>
    /// <param name="newLink">The record was created just now, so its short code was never stored: insert without looking first.</param>
    /// <param name="work">Takes a published article's link and render, to be listed and queued by <see cref="FinishAsync"/>.</param>
    private async Task<ArticleRecord> CompleteAsync(ArticleRecord record, UploadWork work, CancellationToken cancellationToken, bool newLink = false)
    {
        switch (record.State)
        {
            case ArticleState.Published:
                var link = await links.EnsureArticleLinkAsync(record.ShortCode, PageUrl(record), record.Headline, record.Id, newLink, cancellationToken);
                work.Links.Add(link);
                if (link.Code != record.ShortCode)
                {
                    record = await articles.SaveAsync(record with { ShortCode = link.Code }, cancellationToken, newVersion: false);
                }

                if (record.RenderedVersion < record.Version)
                {
                    work.ToRender.Add(record);
                }

                break;
            case ArticleState.Scheduled:
                await articles.ScheduleAsync(record.Id, record.PublishedAt, cancellationToken);
                break;
            case ArticleState.Review:
                await articles.HoldForReviewAsync(record, cancellationToken);
                break;
            case ArticleState.Draft or ArticleState.Removed when record.HasPage && record.RenderedVersion < record.Version:
                // A page that was live must come down (the renderer writes the removal notice).
                await articles.UnindexAsync(record, cancellationToken);
                await QueueAsync(await RequestRendersAsync([record], cancellationToken, index: false), cancellationToken);
                break;
        }

        return record;
    }

    /// <summary>Lists the links and requests the renders that <see cref="CompleteAsync"/> collected; returns the renders.</summary>
    private async Task<IReadOnlyList<StoredRender>> FinishAsync(UploadWork work, CancellationToken cancellationToken)
    {
        await links.ListArticleLinksAsync(work.Links, cancellationToken);
        return await RequestRendersAsync(work.ToRender, cancellationToken);
    }

    /// <summary>Completes one article outside an upload (scheduled publish, unpublish).</summary>
    private async Task<ArticleRecord> CompleteOneAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var work = new UploadWork();
        record = await CompleteAsync(record, work, cancellationToken);
        await QueueAsync(await FinishAsync(work, cancellationToken), cancellationToken);
        return record;
    }

    /// <summary>
    /// Writes the articles' listing rows (unless <paramref name="index"/> is false) and notes their renders as pending,
    /// so a render lost with a crashed host is found again; returns the renders, one per up to ten articles, with the
    /// records as stored, for the caller to run or queue.
    /// </summary>
    private async Task<IReadOnlyList<StoredRender>> RequestRendersAsync(IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken, bool index = true)
    {
        if (records.Count == 0)
        {
            return [];
        }

        if (index)
        {
            await articles.IndexAsync(records, cancellationToken);
        }

        var noted = await articles.MarkRenderPendingAsync(records.Select(r => (r.Id, r.Version)).ToList(), clock.GetUtcNow(), cancellationToken);

        // The listing rows were written before that request began; its clock has whole seconds, so add one.
        var listedBefore = noted + TimeSpan.FromSeconds(1);

        // One message for up to ten of them: a file's articles are rendered together, their notes written at once.
        // Rendered from these records, a render starts after the listing rows were written, as one read now would.
        return records.Chunk(ArticlesPerRender)
            .Select(chunk => new StoredRender(
                RenderRequest.For(chunk.Select(r => (r.Id, r.Version)).ToList(), listedBefore),
                chunk.Select(r => r with { ReadAt = noted }).ToList()))
            .ToList();
    }

    private Task QueueAsync(IReadOnlyList<StoredRender> renders, CancellationToken cancellationToken) =>
        Task.WhenAll(renders.Select(r => renderQueue.EnqueueAsync(r.Request, cancellationToken)));

    /// <summary>Publishes a held article whose time has come (used by the scheduler); no-op for anything else.</summary>
    public async Task<ArticleRecord?> PublishDueAsync(string id, CancellationToken cancellationToken)
    {
        return await ConflictRetry.RunAsync(async _ =>
        {
            var record = await articles.GetAsync(id, cancellationToken);
            if (record is null || record.State != ArticleState.Scheduled || record.PublishedAt > clock.GetUtcNow())
            {
                return record;
            }

            var published = await articles.SaveAsync(WithPage(record with { State = ArticleState.Published, Version = record.Version + 1 }, record.PublishedAt), cancellationToken);
            published = await CompleteOneAsync(published, cancellationToken);
            await articles.UnscheduleAsync(id, record.PublishedAt, cancellationToken);
            logger.LogInformation("Scheduled article {ArticleId} published", id);
            return published;
        }, MaxConcurrencyRetries, cancellationToken);
    }

    /// <summary>Takes an article down: its URL then says it was removed (410), it leaves every listing, and its short link is archived.</summary>
    public async Task<ArticleRecord?> UnpublishAsync(string id, CancellationToken cancellationToken)
    {
        return await ConflictRetry.RunAsync(async _ =>
        {
            var record = await articles.GetAsync(id, cancellationToken);
            if (record is null || record.State == ArticleState.Removed)
            {
                return record;
            }

            var removed = await articles.SaveAsync(record with { State = ArticleState.Removed, Version = record.Version + 1, UpdatedAt = clock.GetUtcNow() }, cancellationToken);
            if (record.State == ArticleState.Scheduled)
            {
                await articles.UnscheduleAsync(id, record.PublishedAt, cancellationToken);
            }

            if (record.HasPage)
            {
                // Readers following the article's short link learn it is gone (410) instead of landing on the notice page.
                await links.ArchiveAsync(record.ShortCode, cancellationToken);
            }

            logger.LogInformation("Article {ArticleId} unpublished", id);
            return await CompleteOneAsync(removed, cancellationToken);
        }, MaxConcurrencyRetries, cancellationToken);
    }

    /// <summary>
    /// Approves an article held for review, with an editor's corrections laid over it (and over every later upload of
    /// it): it is published (or scheduled, or kept as a draft, as its file asks) and never held again.
    /// </summary>
    public async Task<ReviewOutcome> ApproveAsync(string id, ArticleCorrections corrections, CancellationToken cancellationToken)
    {
        return await ConflictRetry.RunAsync(async _ =>
        {
            var record = await articles.GetAsync(id, cancellationToken);
            if (record is null || record.State != ArticleState.Review)
            {
                return new ReviewOutcome(record, WasHeld: false);
            }

            var content = await articles.GetContentAsync(id, record.ContentHash, cancellationToken)
                ?? throw new InvalidOperationException($"article {id} has no stored content {record.ContentHash}");
            var merged = corrections.Over(record.Corrections);
            var article = merged.ApplyTo(content);
            var hash = ContentHash.Of(article);
            var now = clock.GetUtcNow();
            await articles.SaveContentAsync(id, hash, article, cancellationToken);
            var slug = article.Headline == record.Headline ? record.Slug : await identity.ClaimSlugAsync(Slug.From(article.Headline), id, cancellationToken);
            var approved = record with
            {
                Headline = article.Headline,
                Slug = slug,
                Description = Describe(article),
                Picture = article.Pictures.FirstOrDefault(),
                Byline = article.Byline,
                Featured = article.Featured,
                Excerpt = Excerpt(article),
                ContentHash = hash,
                Version = hash == record.ContentHash ? record.Version : record.Version + 1,
                State = Intended(article, now, record with { ApprovedAt = now }),
                ApprovedAt = now,
                Corrections = merged.IsEmpty ? null : merged,
            };
            approved = await articles.SaveAsync(PublishIfDue(approved, article, now), cancellationToken, newVersion: approved.Version != record.Version);
            await articles.ReleaseFromReviewAsync(record, cancellationToken);
            logger.LogInformation("Article {ArticleId} approved in review ({State})", id, approved.State);
            return new ReviewOutcome(await CompleteOneAsync(approved, cancellationToken), WasHeld: true);
        }, MaxConcurrencyRetries, cancellationToken);
    }

    /// <summary>Turns down an article held for review: it stays stored, off the site, and a later upload of it does not bring it back.</summary>
    public async Task<ReviewOutcome> RejectAsync(string id, CancellationToken cancellationToken)
    {
        return await ConflictRetry.RunAsync(async _ =>
        {
            var record = await articles.GetAsync(id, cancellationToken);
            if (record is null || record.State != ArticleState.Review)
            {
                return new ReviewOutcome(record, WasHeld: false);
            }

            var rejected = await articles.SaveAsync(record with { State = ArticleState.Rejected }, cancellationToken, newVersion: false);
            await articles.ReleaseFromReviewAsync(record, cancellationToken);
            logger.LogInformation("Article {ArticleId} rejected in review", id);
            return new ReviewOutcome(rejected, WasHeld: true);
        }, MaxConcurrencyRetries, cancellationToken);
    }

    /// <summary>Records that the runtime stopped retrying an upload: it is failed, and the reason says how to try again.</summary>
    public async Task GiveUpAsync(string name, CancellationToken cancellationToken)
    {
        var current = await statuses.GetAsync(name, cancellationToken);
        if (current?.State is UploadState.Published or UploadState.Failed)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var last = current?.Reason is { } reason ? $" (last error: {reason})" : string.Empty;
        await statuses.SetAsync(new UploadStatus
        {
            Name = name,
            State = UploadState.Failed,
            Reason = $"gave up after repeated temporary failures{last}; retry with POST /api/uploads/{name}/retry or 'pipeline retry {name}'",
            ReceivedAt = current?.ReceivedAt ?? now,
            UpdatedAt = now,
        }, cancellationToken);
    }

    /// <summary>Publishes every held article whose time has come; returns how many were published.</summary>
    public async Task<int> PublishAllDueAsync(CancellationToken cancellationToken)
    {
        var due = await articles.ListDueAsync(clock.GetUtcNow(), 100, cancellationToken);
        foreach (var (id, at) in due)
        {
            var record = await PublishDueAsync(id, cancellationToken);
            if (record is null || record.State != ArticleState.Scheduled)
            {
                // Published now, or no longer held (removed, re-scheduled): either way its old schedule row is done.
                await articles.UnscheduleAsync(id, at, cancellationToken);
            }
        }

        return due.Count;
    }

    /// <summary>
    /// True when the upload differs from the live article only in the section folder it was uploaded to (the same story
    /// dropped into another folder): a live article keeps its section, so that is no change. The folder's section was
    /// hashed as written, so the stored section and no section are the other ways the first upload may have read.
    /// </summary>
    private static bool SameButFolder(ArticleRecord existing, ParsedArticle article) =>
        existing.HasPage && (ContentHash.Of(article with { Section = existing.Section }) == existing.ContentHash
            || ContentHash.Of(article with { Section = null }) == existing.ContentHash);

    /// <summary>
    /// What the upload asks for: a draft, held for review (the parser was unsure and no editor has approved the article,
    /// nor was it ever live), scheduled, or published.
    /// </summary>
    private static ArticleState Intended(ParsedArticle article, DateTimeOffset now, ArticleRecord? existing) =>
        article.Draft ? ArticleState.Draft
        : article.ReviewReasons.Count > 0 && existing?.ApprovedAt is null && existing?.HasPage != true ? ArticleState.Review
        : article.PublishAt is { } at && at > now ? ArticleState.Scheduled
        : ArticleState.Published;

    /// <summary>
    /// The article's own date: the one its file states (front matter <c>published</c>, a trailer timestamp, the page's
    /// <c>Updated</c> date), never later than now; the upload time only when the file states none.
    /// </summary>
    private static DateTimeOffset OwnDate(ParsedArticle article, DateTimeOffset now) =>
        (article.Published ?? article.Updated) is { } own ? Earlier(own, now) : now;

    /// <summary>The first version's modified date: a later <c>Updated</c> the file states, else its own date.</summary>
    private static DateTimeOffset ModifiedDate(ParsedArticle article, DateTimeOffset published, DateTimeOffset now) =>
        article.Updated is { } updated && updated > published ? Earlier(updated, now) : published;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static ArticleRecord PublishIfDue(ArticleRecord record, ParsedArticle article, DateTimeOffset now) => record.State switch
    {
        ArticleState.Published when !record.HasPage => WithPage(record, article.PublishAt is { } at && at <= now && article.Published is null ? at : record.PublishedAt),
        ArticleState.Scheduled => record with { PublishedAt = article.PublishAt!.Value },
        _ => record,
    };

    /// <summary>Fixes the article's public URL from its first publish date; it never changes afterwards.</summary>
    private static ArticleRecord WithPage(ArticleRecord record, DateTimeOffset publishedAt) => record.HasPage ? record : record with
    {
        PublishedAt = publishedAt,
        Path = $"{publishedAt.UtcDateTime:yyyy'/'MM'/'dd}/{record.Slug}/",
    };

    private string PageUrl(ArticleRecord record) => new Uri(options.Value.SiteBaseUrl, record.Path).ToString();

    private async Task<IngestResult> FailAsync(string name, DateTimeOffset receivedAt, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Upload {BlobName} failed: {Reason}", name, reason);
        await statuses.SetAsync(new UploadStatus
        {
            Name = name,
            State = UploadState.Failed,
            Reason = reason,
            ReceivedAt = receivedAt,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        return new IngestResult(name, UploadState.Failed, [], reason);
    }

    private async Task TrySetStatusAsync(UploadStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await statuses.SetAsync(status, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not record status of {BlobName}: {Reason}", status.Name, ex.Message);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Uploads.UploadContent upload, CancellationToken cancellationToken)
    {
        var buffer = new byte[upload.Length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await upload.Content.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static string? Describe(ParsedArticle article)
    {
        var text = article.Summary.FirstOrDefault() ?? article.Paragraphs.FirstOrDefault();
        return text is null || text.Length <= 300 ? text : text[..297].TrimEnd() + "…";
    }

    /// <summary>The body's opening for search, when the description is the summary rather than that opening.</summary>
    private static string? Excerpt(ParsedArticle article)
    {
        if (article.Summary.Count == 0 || article.Paragraphs.FirstOrDefault() is not { } first)
        {
            return null;
        }

        return first.Length <= ExcerptLength ? first : first[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    /// <summary>Enough of a first paragraph to hold its names and places (a search shard grows by about this per article).</summary>
    private const int ExcerptLength = 160;

    private static string Megabytes(long bytes) => ArticleFileParser.Megabytes(bytes);

    /// <summary>One render message's worth of an upload's articles, with their records as stored.</summary>
    private sealed record StoredRender(RenderRequest Request, IReadOnlyList<ArticleRecord> Records);

    /// <summary>What the articles of one upload (or one article on its own) leave to be written together once all are stored.</summary>
    private sealed class UploadWork
    {
        public List<ShortLink> Links { get; } = [];

        public List<ArticleRecord> ToRender { get; } = [];

        public int ArticleCount { get; init; }

        /// <summary>Pictures inside the uploaded file itself (a Word document's).</summary>
        public IReadOnlyList<byte[]> Embedded { get; init; } = [];

        /// <summary>The pictures beside the file, as last listed; their uploads' statuses are written at the end.</summary>
        public IReadOnlyList<PictureUse> Pictures { get; set; } = [];

        public List<string> PictureWarnings { get; set; } = [];
    }
}
