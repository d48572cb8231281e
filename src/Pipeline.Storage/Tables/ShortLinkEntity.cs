using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Row of the ShortLinks table: partition = code in lower case (codes are unique case-insensitively).</summary>
internal sealed class ShortLinkEntity : ITableEntity
{
    public const string Row = "link";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Code { get; set; } = default!;
    public string Url { get; set; } = default!;
    public string? Title { get; set; }
    public string? ArticleId { get; set; }

    /// <summary>Tags joined with <c>|</c> (tags never contain it).</summary>
    public string? Tags { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
    public string? ExpiredUrl { get; set; }

    /// <summary>Null on rows written before the setting existed, which pass the query on.</summary>
    public bool? PassQuery { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
}
