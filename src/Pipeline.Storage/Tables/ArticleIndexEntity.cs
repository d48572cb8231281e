using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>
/// Listing row: partition = listing (<c>all</c>, <c>s-{section}</c>, <c>t-{tag}</c>, <c>m-{yyyyMM}</c>), row = inverted
/// publish ticks + id, so "latest N" is the first N rows of one partition.
/// </summary>
internal sealed class ArticleIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = default!;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = default!;
    public string Headline { get; set; } = default!;
    public string Path { get; set; } = default!;
    public string Section { get; set; } = default!;
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Description { get; set; }

    /// <summary>The lead picture, <see cref="Core.Articles.ArticlePicture.Compact"/>; null when there is none.</summary>
    public string? Picture { get; set; }
    public string? Byline { get; set; }
    public string? Excerpt { get; set; }
    public bool? Featured { get; set; }

    /// <summary>The content version the row describes, so feeds can carry the article's text.</summary>
    public string? ContentHash { get; set; }
    public string ShortCode { get; set; } = default!;

    public const string AllPartition = "all";

    public static string RowFor(DateTimeOffset publishedAt, string id) => $"{TicksPrefix(publishedAt)}-{id}";

    /// <summary>The key prefix of every row published at <paramref name="at"/>; rows of later articles sort before it.</summary>
    public static string TicksPrefix(DateTimeOffset at) => $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}";
}
