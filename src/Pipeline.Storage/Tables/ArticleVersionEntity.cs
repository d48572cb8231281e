using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Version-history row in the article's own partition of the Articles table (row <c>v000001</c>, ...).</summary>
internal sealed class ArticleVersionEntity : ITableEntity
{
    public const string RowPrefix = "v";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public string ContentHash { get; set; } = default!;
    public string Headline { get; set; } = default!;
    public DateTimeOffset At { get; set; }
    public string SourceBlob { get; set; } = default!;

    public static string RowFor(int version) => $"{RowPrefix}{version:D6}";
}
