namespace Pipeline.Core.Uploads;

/// <summary>What happened to one upload, in terms an editor can act on.</summary>
public sealed record UploadStatus
{
    public required string Name { get; init; }
    public required UploadState State { get; init; }
    public IReadOnlyList<string> ArticleIds { get; init; } = [];

    /// <summary>Why the upload failed, when it did.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For a picture: the article upload that shows it (or names it), whose ingest a new version of the picture runs again.</summary>
    public string? ShownWith { get; init; }

    /// <summary>For a picture fetched from a web address: its renditions (<see cref="Articles.ArticlePicture.Compact"/>), so it is fetched once.</summary>
    public string? Picture { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
