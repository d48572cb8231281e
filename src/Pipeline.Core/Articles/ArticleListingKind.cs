namespace Pipeline.Core.Articles;

/// <summary>What an <see cref="ArticleListing"/> selects by.</summary>
public enum ArticleListingKind
{
    All,
    Section,
    Tag,
    Month,

    /// <summary>Articles held for an editor's review: never rendered, only the API lists it.</summary>
    Review,
}
