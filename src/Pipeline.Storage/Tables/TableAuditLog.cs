using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Audit;

namespace Pipeline.Storage.Tables;

/// <summary>
/// The audit trail in its own table, each entry twice: under its subject (<c>article|{id}</c>, <c>link|{code}</c>,
/// <c>upload|{name}</c>) for one article's history, and under its month (<c>log|yyyyMM</c>) for the desk's log. Row
/// keys count down from the end of time, so a partition reads newest first; a random tail keeps two entries of one
/// tick apart. People act a few times a minute at most, so two writes an entry cost nothing that matters.
/// </summary>
public sealed class TableAuditLog(StorageClients clients) : IAuditLog
{
    private const int MaxTop = 200;

    private sealed class AuditEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = default!;
        public string RowKey { get; set; } = default!;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public DateTimeOffset At { get; set; }
        public string ActorName { get; set; } = default!;
        public string? ActorId { get; set; }
        public string ActorKind { get; set; } = default!;
        public string Action { get; set; } = default!;
        public string SubjectKind { get; set; } = default!;
        public string Subject { get; set; } = default!;
        public string? Detail { get; set; }
    }

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var row = $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{Guid.NewGuid():N}"[..32];
        await Task.WhenAll(
            clients.AuditTable.AddEntityAsync(ToEntity(entry, SubjectPartition(entry.SubjectKind, entry.Subject), row), cancellationToken),
            clients.AuditTable.AddEntityAsync(ToEntity(entry, MonthPartition(entry.At), row), cancellationToken));
    }

    public Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(AuditSubjectKind kind, string subject, int top, CancellationToken cancellationToken) =>
        ReadAsync(SubjectPartition(kind, subject), Math.Clamp(top, 1, MaxTop), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int top, int months, CancellationToken cancellationToken)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var entries = new List<AuditEntry>();
        var month = DateTimeOffset.UtcNow;
        for (var i = 0; i < months && entries.Count < top; i++, month = month.AddMonths(-1))
        {
            entries.AddRange(await ReadAsync(MonthPartition(month), top - entries.Count, cancellationToken));
        }

        return entries;
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAsync(string partition, int top, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>(top);
        await foreach (var entity in clients.AuditTable.QueryAsync<AuditEntity>(e => e.PartitionKey == partition, maxPerPage: top, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(entity.At, new Actor(entity.ActorName, entity.ActorId, entity.ActorKind), entity.Action,
                Enum.Parse<AuditSubjectKind>(entity.SubjectKind), entity.Subject, entity.Detail));
            if (entries.Count == top)
            {
                break;
            }
        }

        return entries;
    }

    private static string SubjectPartition(AuditSubjectKind kind, string subject) => TableKeys.Encode($"{kind.ToString().ToLowerInvariant()}|{subject}");

    private static string MonthPartition(DateTimeOffset at) => "log|" + at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static AuditEntity ToEntity(AuditEntry entry, string partition, string row) => new()
    {
        PartitionKey = partition,
        RowKey = row,
        At = entry.At,
        ActorName = Cut(entry.Actor.Name, 200),
        ActorId = entry.Actor.ObjectId,
        ActorKind = entry.Actor.Kind,
        Action = entry.Action,
        SubjectKind = entry.SubjectKind.ToString(),
        Subject = Cut(entry.Subject, 1024),
        Detail = entry.Detail is null ? null : Cut(entry.Detail, 2000),
    };

    // Names, subjects and details come from requests; an entry stays far under a property's 64 KB.
    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
