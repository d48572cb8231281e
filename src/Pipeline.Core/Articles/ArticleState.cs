namespace Pipeline.Core.Articles;

/// <summary>Where an article stands in publishing.</summary>
public enum ArticleState
{
    Published,
    Draft,
    Scheduled,
    Removed,

    /// <summary>Held for an editor: the parser was not sure of it. On no page, feed, sitemap or search index; no short link yet.</summary>
    Review,

    /// <summary>An editor turned a held article down; uploading it again does not bring it back.</summary>
    Rejected,
}
