using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>A listing to render again, in the <c>listings-dirty</c> partition of ArticleIndex (row = listing key).</summary>
internal sealed class DirtyListingEntity : ITableEntity
{
    public const string Partition = "listings-dirty";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    /// <summary>True once a refresh message is queued for this note.</summary>
    public bool Queued { get; set; }
}
