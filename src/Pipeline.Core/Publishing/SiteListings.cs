using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Every listing of the site held in memory for a rebuild, built from the <c>all</c> listing (whose order is the
/// table's key order) and the records' tags. Answers the same neighbour questions the store answers for an incremental
/// render, so both produce the same pages.
/// </summary>
internal sealed class SiteListings
{
    private readonly Dictionary<ArticleListing, List<ArticleSummary>> _lists = [];
    private readonly Dictionary<ArticleListing, Dictionary<string, int>> _positions = [];

    public SiteListings(IReadOnlyList<ArticleSummary> latest, IReadOnlyDictionary<string, ArticleRecord> records)
    {
        foreach (var summary in latest)
        {
            if (!records.TryGetValue(summary.Id, out var record))
            {
                continue;
            }

            foreach (var listing in ArticleListing.Of(record))
            {
                if (!_lists.TryGetValue(listing, out var list))
                {
                    _lists[listing] = list = [];
                    _positions[listing] = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                _positions[listing][summary.Id] = list.Count;
                list.Add(summary);
            }
        }
    }

    public IReadOnlyList<ArticleSummary> Latest => this[ArticleListing.Latest];

    public IReadOnlyList<ArticleSummary> this[ArticleListing listing] => _lists.TryGetValue(listing, out var list) ? list : [];

    public IEnumerable<ArticleListing> Of(ArticleListingKind kind) => _lists.Keys.Where(l => l.Kind == kind);

    public ArticleNeighbourhood Neighbourhood(ArticleRecord record) => ArticleNeighbourhood.Compose(
        record.Id,
        Neighbours(ArticleListing.Section(record.Section), record.Id),
        record.Tags.Select(ArticleListing.Tag).Distinct().Select(t => Neighbours(t, record.Id)).ToList());

    private ArticleNeighbours Neighbours(ArticleListing listing, string id)
    {
        if (!_positions.TryGetValue(listing, out var positions) || !positions.TryGetValue(id, out var at))
        {
            return ArticleNeighbours.None;
        }

        return ArticleNeighbours.At(_lists[listing], at, ArticleNeighbourhood.NeighbourCount);
    }
}
