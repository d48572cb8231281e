using Pipeline.Core.Uploads;

namespace Pipeline.Functions.Http;

/// <summary>One upload in the list of recent uploads: its state and reason, and which articles it produced.</summary>
public sealed record UploadListItem(
    string Name,
    string State,
    string? Reason,
    IReadOnlyList<string> ArticleIds,
    int WarningCount,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt)
{
    public static UploadListItem From(UploadStatus s) =>
        new(s.Name, s.State.ToString().ToLowerInvariant(), s.Reason, s.ArticleIds, s.Warnings.Count, s.ReceivedAt, s.UpdatedAt);
}
