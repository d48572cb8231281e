namespace Pipeline.Core.Articles;

/// <summary>Where an article stands in publishing.</summary>
public enum ArticleState
{
    Published,
    Draft,
    Scheduled,
    Removed,
}
