using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>
/// The previous/next and related articles of a batch of articles (an upload's), answered from one read per listing
/// that spans them all instead of two or more reads per article and listing. An article the window cannot answer
/// for (too few newer rows inside it) is left to its own reads.
/// </summary>
public sealed class NeighbourWindows
{
    /// <summary>A window is read only while it stays this small (by default); a batch spread over a busy listing reads per article.</summary>
    public const int MaxRows = 500;

    /// <summary>How far above the newest article of the batch the window starts, for its newer neighbours.</summary>
    private static readonly TimeSpan Above = TimeSpan.FromSeconds(10);

    private readonly Dictionary<ArticleListing, (ArticleWindow Window, Dictionary<string, int> Positions)> _windows = [];

    public static NeighbourWindows None { get; } = new();

    /// <summary>Reads, for every listing two or more of <paramref name="records"/> share, the run of it from just above the newest down past the oldest.</summary>
    public static async Task<NeighbourWindows> ReadAsync(IArticleStore store, IReadOnlyCollection<ArticleRecord> records, CancellationToken cancellationToken, int maxRows = MaxRows)
    {
        var windows = new NeighbourWindows();
        var shared = records
            .SelectMany(r => ListingsOf(r).Select(listing => (Listing: listing, Record: r)))
            .GroupBy(x => x.Listing)
            .Where(g => g.Count() > 1)
            .ToList();
        var read = await Task.WhenAll(shared.Select(async g =>
        {
            var members = g.Select(x => (x.Record.PublishedAt, x.Record.Id)).ToList();
            var from = members.Max(m => m.PublishedAt) + Above;
            return (g.Key, Window: await store.ReadWindowAsync(g.Key, from, members, ArticleNeighbourhood.NeighbourCount, maxRows, cancellationToken));
        }));
        foreach (var (listing, window) in read)
        {
            if (window is not null)
            {
                var positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < window.Rows.Count; i++)
                {
                    positions.TryAdd(window.Rows[i].Id, i);
                }

                windows._windows[listing] = (window, positions);
            }
        }

        return windows;
    }

    /// <summary>The listings whose neighbours an article page shows: its section and its tags.</summary>
    public static IEnumerable<ArticleListing> ListingsOf(ArticleRecord record) =>
        record.Tags.Select(ArticleListing.Tag).Prepend(ArticleListing.Section(record.Section)).Distinct();

    /// <summary>Up to <paramref name="count"/> articles either side of <paramref name="id"/>, or null when this window cannot tell.</summary>
    public ArticleNeighbours? Find(ArticleListing listing, string id, int count)
    {
        if (!_windows.TryGetValue(listing, out var entry) || !entry.Positions.TryGetValue(id, out var at) || at < count)
        {
            // Fewer newer rows inside the window than wanted: more may lie above it, which only the article's own reads find.
            return null;
        }

        // Fewer older rows than wanted only at the listing's end; otherwise the read stopped short of them.
        var around = ArticleNeighbours.At(entry.Window.Rows, at, count);
        return around.Older.Count < count && !entry.Window.ReachedEnd ? null : around;
    }
}
