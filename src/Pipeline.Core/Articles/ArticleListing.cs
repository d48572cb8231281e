namespace Pipeline.Core.Articles;

/// <summary>A list of published articles, newest first: all of them, a section, a tag or a month (<c>yyyy-MM</c>).</summary>
public sealed record ArticleListing(ArticleListingKind Kind, string? Key = null)
{
    public static ArticleListing Latest { get; } = new(ArticleListingKind.All);

    public static ArticleListing Section(string section) => new(ArticleListingKind.Section, section);

    public static ArticleListing Tag(string tag) => new(ArticleListingKind.Tag, Text.Slug.From(tag));

    public static ArticleListing Month(DateTimeOffset at) => new(ArticleListingKind.Month, at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every listing a published article appears in.</summary>
    public static IReadOnlyList<ArticleListing> Of(ArticleRecord record)
    {
        var listings = new List<ArticleListing> { Latest, Section(record.Section), Month(record.PublishedAt) };
        listings.AddRange(record.Tags.Select(Tag).Distinct());
        return listings;
    }
}
