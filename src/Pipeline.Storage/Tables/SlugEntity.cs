using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Row of the Slugs table: who owns a slug. Inserted once, so two articles can never share one.</summary>
internal sealed class SlugEntity : ITableEntity
{
    public const string Row = "slug";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ArticleId { get; set; } = default!;
}
