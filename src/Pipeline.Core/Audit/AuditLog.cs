namespace Pipeline.Core.Audit;

/// <summary>Who asked for something: a signed-in person (name and Entra object id) or a holder of a management key.</summary>
public sealed record Actor(string Name, string? ObjectId, string Kind)
{
    public const string KeyKind = "key";
    public const string UserKind = "user";

    /// <summary>A call made with a key (a function key in Azure, the local host's key): no person is known.</summary>
    public static Actor Key(string name = "management key") => new(name, null, KeyKind);
}

/// <summary>What editors and operators did, and to what: an article (its id), a link (its code) or an upload (its name).</summary>
public static class AuditActions
{
    public const string UploadGranted = "upload";
    public const string Approved = "approve";
    public const string Rejected = "reject";
    public const string Unpublished = "unpublish";
    public const string Republished = "republish";
    public const string Retried = "retry";
    public const string LinkCreated = "link-create";
    public const string LinkEdited = "link-edit";
    public const string LinkArchived = "link-archive";
}

public enum AuditSubjectKind
{
    Article,
    Link,
    Upload,
}

/// <summary>One thing done: when, by whom, what, to which subject, with a short detail (the corrections, the new target…).</summary>
public sealed record AuditEntry(DateTimeOffset At, Actor Actor, string Action, AuditSubjectKind SubjectKind, string Subject, string? Detail = null);

/// <summary>The audit trail: kept per subject (an article's history) and as one log, newest first.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries about one subject.</summary>
    Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(AuditSubjectKind kind, string subject, int top, CancellationToken cancellationToken);

    /// <summary>The newest entries of all, up to <paramref name="top"/>, going back month by month at most <paramref name="months"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int top, int months, CancellationToken cancellationToken);
}

/// <summary>
/// Records what people did. The action itself has already happened when this runs, so a trail that cannot be written
/// is logged as an error (with the entry, so nothing is lost from the logs) and the caller's answer stands.
/// </summary>
public sealed partial class AuditTrail(IAuditLog log, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(Actor actor, string action, AuditSubjectKind kind, string subject, string? detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(clock.GetUtcNow(), actor, action, kind, subject, detail);
        try
        {
            await log.RecordAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(ex, actor.Name, action, kind, subject);
        }
    }

    /// <summary>One action done to many subjects at once (a bulk create, a folder upload): the entries written side by side.</summary>
    public Task RecordAllAsync(Actor actor, string action, AuditSubjectKind kind, IEnumerable<(string Subject, string? Detail)> subjects, CancellationToken cancellationToken) =>
        Task.WhenAll(subjects.Select(s => RecordAsync(actor, action, kind, s.Subject, s.Detail, cancellationToken)));

    /// <summary>An article's history: its own entries and those of the upload it came from (who uploaded it, retries), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ArticleHistoryAsync(string id, string sourceBlob, int top, CancellationToken cancellationToken)
    {
        var both = await Task.WhenAll(
            log.ForSubjectAsync(AuditSubjectKind.Article, id, top, cancellationToken),
            log.ForSubjectAsync(AuditSubjectKind.Upload, sourceBlob, top, cancellationToken));
        return both.SelectMany(entries => entries).OrderByDescending(e => e.At).Take(top).ToList();
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Audit entry not stored: {Actor} {Action} {Kind} {Subject}")]
    private partial void LogNotRecorded(Exception ex, string actor, string action, AuditSubjectKind kind, string subject);
}
