namespace Pipeline.Core.Articles;

/// <summary>What an <see cref="ArticleListing"/> selects by.</summary>
public enum ArticleListingKind
{
    All,
    Section,
    Tag,
    Month,
}
