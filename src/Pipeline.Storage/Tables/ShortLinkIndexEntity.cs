using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>
/// Listing row in the ShortLinks table: partition <c>~all</c> or <c>~tag~{tag}</c> (a <c>~</c> never starts a code),
/// row = inverted creation ticks + code + a nonce, so a listing is newest first and one partition query, and the rows of a
/// create that lost its code to a concurrent one are its own to delete.
/// </summary>
internal sealed class ShortLinkIndexEntity : ITableEntity
{
    public const string AllPartition = "~all";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Code { get; set; } = default!;
    public DateTimeOffset CreatedAt { get; set; }

    public static string TagPartition(string tag) => "~tag~" + tag;

    public static string RowFor(DateTimeOffset createdAt, string key) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}-{key}-{Guid.NewGuid():N}";
}
