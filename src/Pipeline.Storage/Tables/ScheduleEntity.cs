using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>A held article in the <c>due</c> partition of ArticleIndex, row = due ticks + id, so "what is due" is a range query.</summary>
internal sealed class ScheduleEntity : ITableEntity
{
    public const string Partition = "due";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ArticleId { get; set; } = default!;
    public DateTimeOffset DueAt { get; set; }

    public static string RowFor(DateTimeOffset at, string id) => $"{at.UtcTicks:D19}-{id}";
}
