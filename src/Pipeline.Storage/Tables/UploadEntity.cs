using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Row of the Uploads table: partition = the blob name made key-safe.</summary>
internal sealed class UploadEntity : ITableEntity
{
    public const string Row = "status";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = default!;
    public string State { get; set; } = default!;
    public string ArticleIds { get; set; } = string.Empty;
    public string? Reason { get; set; }
    public string? Warnings { get; set; }
    public string? ShownWith { get; set; }
    public string? Picture { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
