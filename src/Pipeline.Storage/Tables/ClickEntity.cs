using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Clicks of one link on one UTC day, in the link's own partition: row <c>clicks-yyyyMMdd</c>.</summary>
internal sealed class ClickEntity : ITableEntity
{
    public const string RowPrefix = "clicks-";

    /// <summary>The first row key after every click row (<c>.</c> sorts right after <c>-</c>).</summary>
    public const string RowEnd = "clicks.";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Clicks { get; set; }
    public long Bots { get; set; }

    public static string RowFor(DateOnly day) => RowPrefix + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly DayOf(string rowKey) => DateOnly.ParseExact(rowKey[RowPrefix.Length..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
