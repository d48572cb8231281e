using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>
/// A listing an article changed, in the <c>listings-dirty</c> partition of ArticleIndex (row = listing key + <c>|</c> +
/// article id), the row <c>~queued</c> that says a refresh is queued and not started, and the row <c>~running</c>
/// that says which refresh is running.
/// </summary>
internal sealed class DirtyListingEntity : ITableEntity
{
    public const string Partition = "listings-dirty";
    public const string QueuedRow = "~queued";
    public const string RunningRow = "~running";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ListingKey { get; set; } = default!;
    public string ArticleId { get; set; } = default!;
    public DateTimeOffset MarkedAt { get; set; }

    /// <summary>On a neighbour-page note: storage's clock just after the noting article was listed (see ListingNote.Since).</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>On the queued mark: the token of the refresh it stands for.</summary>
    public string? Token { get; set; }
}
