using Pipeline.Core.Articles;
using Pipeline.Core.Uploads;

namespace Pipeline.Core.Publishing;

/// <summary>The outcome of ingesting one upload.</summary>
public sealed record IngestResult(string Name, UploadState State, IReadOnlyList<ArticleRecord> Articles, string? Reason)
{
    /// <summary>The reason given when the upload's blob is not there (deleted, or never uploaded).</summary>
    public const string UploadMissing = "the upload no longer exists";
}
