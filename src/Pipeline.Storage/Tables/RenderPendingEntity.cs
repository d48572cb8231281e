using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>
/// A requested render not yet done, in the <c>render-pending</c> partition of ArticleIndex (row = article id + <c>|</c> +
/// version, ten digits), so finishing a render deletes its own row without reading it first.
/// </summary>
internal sealed class RenderPendingEntity : ITableEntity
{
    public const string Partition = "render-pending";

    public static string RowFor(string id, int version) => TableKeys.Check($"{id}|{version:D10}");

    public static string IdOf(string row) => row[..row.LastIndexOf('|')];

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
