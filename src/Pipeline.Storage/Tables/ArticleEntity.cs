using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Row of the Articles table: one per article, partition = article id.</summary>
internal sealed class ArticleEntity : ITableEntity
{
    public const string Row = "article";

    public string PartitionKey { get; set; } = default!;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Slug { get; set; } = default!;
    public string Path { get; set; } = default!;
    public string Headline { get; set; } = default!;
    public string Section { get; set; } = default!;
    public string Tags { get; set; } = string.Empty;
    public string? Description { get; set; }

    /// <summary>The lead picture, <see cref="Core.Articles.ArticlePicture.Compact"/>; null when there is none.</summary>
    public string? Picture { get; set; }
    public string? Byline { get; set; }
    public string? Excerpt { get; set; }
    public bool? Featured { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public int RenderedVersion { get; set; }
    public DateTimeOffset? RenderedFrom { get; set; }
    public string ContentHash { get; set; } = default!;
    public string ShortCode { get; set; } = default!;
    public string? OriginalShortUrl { get; set; }
    public string SourceBlob { get; set; } = default!;
    public int SourcePosition { get; set; }
    public string State { get; set; } = default!;

    /// <summary>Review reasons, one per line.</summary>
    public string? Review { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>An editor's corrections as JSON.</summary>
    public string? Corrections { get; set; }
}
