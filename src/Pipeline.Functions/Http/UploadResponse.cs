using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Core.Uploads;

namespace Pipeline.Functions.Http;

/// <summary>What happened to one upload, with the articles it produced.</summary>
public sealed record UploadResponse(
    string Name,
    string State,
    string? Reason,
    IReadOnlyList<string> Warnings,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ArticleResponse> Articles,
    string? ShownWith = null)
{
    public static UploadResponse From(UploadStatus s, IReadOnlyList<ArticleRecord> articles, PublicUrls urls) => new(
        s.Name, s.State.ToString().ToLowerInvariant(), s.Reason, s.Warnings, s.ReceivedAt, s.UpdatedAt,
        articles.Select(a => ArticleResponse.From(a, urls)).ToList(), s.ShownWith);
}
