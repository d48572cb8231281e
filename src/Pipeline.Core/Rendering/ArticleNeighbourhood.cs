using Pipeline.Core.Articles;

namespace Pipeline.Core.Rendering;

/// <summary>The articles an article page links to besides itself: previous/next in its section and related ones.</summary>
public sealed record ArticleNeighbourhood(ArticleSummary? Newer, ArticleSummary? Older, IReadOnlyList<ArticleSummary> Related)
{
    /// <summary>How many articles either side of one each listing is asked for: one for previous/next, the rest for related.</summary>
    public const int NeighbourCount = 3;

    public const int RelatedCount = 4;

    public static ArticleNeighbourhood None { get; } = new(null, null, []);

    /// <summary>
    /// Previous/next from the section; related articles are those nearest in time in the article's tags, then its
    /// section, alternating older and newer. A pure function of the listings, so an incremental render and a full
    /// rebuild give the same page.
    /// </summary>
    public static ArticleNeighbourhood Compose(string id, ArticleNeighbours section, IEnumerable<ArticleNeighbours> tags)
    {
        var newer = section.Newer.FirstOrDefault();
        var older = section.Older.FirstOrDefault();
        var taken = new HashSet<string>(StringComparer.Ordinal) { id };
        if (newer is not null)
        {
            taken.Add(newer.Id);
        }

        if (older is not null)
        {
            taken.Add(older.Id);
        }

        var related = new List<ArticleSummary>(RelatedCount);
        foreach (var listing in tags.Append(section))
        {
            for (var i = 0; i < NeighbourCount && related.Count < RelatedCount; i++)
            {
                foreach (var candidate in new[] { listing.Older.ElementAtOrDefault(i), listing.Newer.ElementAtOrDefault(i) })
                {
                    if (candidate is not null && related.Count < RelatedCount && taken.Add(candidate.Id))
                    {
                        related.Add(candidate);
                    }
                }
            }
        }

        return new ArticleNeighbourhood(newer, older, related);
    }
}
