namespace Pipeline.Core.Articles;

/// <summary>The metadata store for articles: records, versions, content, slugs, listings and the publishing schedule.</summary>
public interface IArticleStore
{
    Task<ArticleRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts (when <see cref="ArticleRecord.ETag"/> is null) or replaces the record if its ETag still matches; a record
    /// whose version is new also gets its version-history row, in the same transaction. Pass
    /// <paramref name="newVersion"/> false when only the record's state changes (rendered, short code).
    /// </summary>
    /// <exception cref="ConcurrencyException">Someone else wrote the record first.</exception>
    Task<ArticleRecord> SaveAsync(ArticleRecord record, CancellationToken cancellationToken, bool newVersion = true);

    /// <summary>Every article record, in no particular order: a scan of the whole table, meant for a full rebuild only.</summary>
    IAsyncEnumerable<ArticleRecord> ListRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored version, oldest first.</summary>
    Task<IReadOnlyList<ArticleVersion>> GetVersionsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Reads the content an article had when its hash was <paramref name="contentHash"/>.</summary>
    Task<ParsedArticle?> GetContentAsync(string id, string contentHash, CancellationToken cancellationToken);

    /// <summary>Stores content under its hash; immutable, so a record never points at half-written content.</summary>
    Task SaveContentAsync(string id, string contentHash, ParsedArticle content, CancellationToken cancellationToken);

    /// <summary>The article that owns <paramref name="slug"/>, if any.</summary>
    Task<string?> FindSlugOwnerAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Claims <paramref name="slug"/> for article <paramref name="id"/>; true when it is now (or already was) that article's.</summary>
    Task<bool> TryClaimSlugAsync(string slug, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Claims story key <paramref name="key"/> (ASCII, see <see cref="StoryKeys"/>) for article <paramref name="id"/>;
    /// returns the article that owns it now: <paramref name="id"/>, or the one that claimed it first.
    /// </summary>
    Task<string?> ClaimStoryAsync(string key, string id, CancellationToken cancellationToken);

    /// <summary>Lists a held article in the review queue (<see cref="ArticleListing.Review"/>), keyed by its publish time.</summary>
    Task HoldForReviewAsync(ArticleRecord record, CancellationToken cancellationToken);

    /// <summary>Takes an article out of the review queue; a no-op when it is not there.</summary>
    Task ReleaseFromReviewAsync(ArticleRecord record, CancellationToken cancellationToken);

    /// <summary>Writes the listing rows (latest, section, tags, month) of published articles, one transaction per listing.</summary>
    Task IndexAsync(IReadOnlyCollection<ArticleRecord> records, CancellationToken cancellationToken);

    /// <summary>Removes the article from every listing.</summary>
    Task UnindexAsync(ArticleRecord record, CancellationToken cancellationToken);

    /// <summary>Newest first, at most <paramref name="top"/>; a bounded query of one partition, never a scan.</summary>
    Task<ArticlePage> ListAsync(ArticleListing listing, int top, string? continuation, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> articles either side of the position an article published at
    /// <paramref name="publishedAt"/> with id <paramref name="id"/> has (or had) in a listing; bounded reads of one
    /// partition, so previous/next links and related articles never scan a listing.
    /// </summary>
    Task<ArticleNeighbours> ListNeighboursAsync(ArticleListing listing, DateTimeOffset publishedAt, string id, int count, CancellationToken cancellationToken);

    /// <summary>
    /// The run of a listing from <paramref name="from"/> down past the oldest of <paramref name="through"/> and
    /// <paramref name="beyond"/> rows further, in one read; null when that is more than <paramref name="maxRows"/> rows.
    /// </summary>
    Task<ArticleWindow?> ReadWindowAsync(
        ArticleListing listing, DateTimeOffset from, IReadOnlyCollection<(DateTimeOffset PublishedAt, string Id)> through, int beyond, int maxRows, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that renders of these article versions were requested, so a render lost with a crashed host can be found.
    /// Returns storage's clock (whole seconds) at the request, when it says: everything written before the call is older.
    /// </summary>
    Task<DateTimeOffset?> MarkRenderPendingAsync(IReadOnlyCollection<(string Id, int Version)> renders, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Clears the notes of these requests once they are done; requests for other versions stay.</summary>
    Task ClearRenderPendingAsync(IReadOnlyCollection<(string Id, int Version)> renders, CancellationToken cancellationToken);

    /// <summary>Renders requested at or before <paramref name="before"/> and still not done.</summary>
    Task<IReadOnlyList<(string Id, int Version)>> ListRenderPendingAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that articles changed listings (by <see cref="ArticleListing.ToKey"/>), then reports whether a refresh still
    /// has to be queued: false when one is already queued and has not started, since that refresh reads the notes after
    /// this call. One transaction per hundred notes and one read, however busy the site is.
    /// </summary>
    Task<bool> NoteListingsChangedAsync(IReadOnlyCollection<(string ArticleId, string Key, DateTimeOffset? Since)> notes, CancellationToken cancellationToken);

    /// <summary>Records that the refresh <paramref name="token"/> is queued; later notes need no other until it starts.</summary>
    Task MarkRefreshQueuedAsync(string token, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the right to run refresh <paramref name="token"/>: true when no other refresh is running (or the one that
    /// is has held it longer than <paramref name="expiry"/>, so it is taken to have died), or it is this one's already.
    /// </summary>
    Task<bool> TryLockRefreshAsync(string token, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>Gives up refresh <paramref name="token"/>'s claim; a no-op when another refresh has it.</summary>
    Task UnlockRefreshAsync(string token, CancellationToken cancellationToken);

    /// <summary>
    /// Starts refresh <paramref name="token"/>: clears the queued mark if it is this refresh's (notes from now on queue
    /// another refresh) and returns the notes to render.
    /// </summary>
    Task<IReadOnlyList<ListingNote>> BeginRefreshAsync(string token, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes notes refresh <paramref name="token"/> has rendered. False when another pass is needed: a note was rewritten
    /// meanwhile, or this refresh's queued mark was written only after it began (notes written then may have been missed).
    /// </summary>
    Task<bool> CompleteRefreshAsync(string token, IReadOnlyList<ListingNote> notes, CancellationToken cancellationToken);

    /// <summary>The oldest note's time, or null when no listing is out of date.</summary>
    Task<DateTimeOffset?> OldestListingNoteAsync(CancellationToken cancellationToken);

    /// <summary>Remembers that article <paramref name="id"/> is due at <paramref name="at"/>.</summary>
    Task ScheduleAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task UnscheduleAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Articles due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<(string Id, DateTimeOffset At)>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}
