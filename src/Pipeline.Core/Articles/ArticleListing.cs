namespace Pipeline.Core.Articles;

/// <summary>A list of published articles, newest first: all of them, a section, a tag or a month (<c>yyyy-MM</c>).</summary>
public sealed record ArticleListing(ArticleListingKind Kind, string? Key = null)
{
    public static ArticleListing Latest { get; } = new(ArticleListingKind.All);

    /// <summary>The review queue: not a page of the site, so <see cref="FromKey"/> never names it.</summary>
    public static ArticleListing Review { get; } = new(ArticleListingKind.Review);

    public static ArticleListing Section(string section) => new(ArticleListingKind.Section, section);

    public static ArticleListing Tag(string tag) => new(ArticleListingKind.Tag, Text.Slug.From(tag));

    public static ArticleListing Month(DateTimeOffset at) => new(ArticleListingKind.Month, at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A short key naming the listing (<c>all</c>, <c>s-news</c>, <c>t-climate</c>, <c>m-2026-03</c>), safe as a table key.</summary>
    public string ToKey() => Kind switch
    {
        ArticleListingKind.All => "all",
        ArticleListingKind.Section => "s-" + Key,
        ArticleListingKind.Tag => "t-" + Key,
        ArticleListingKind.Month => "m-" + Key,
        ArticleListingKind.Review => "review",
        _ => throw new InvalidOperationException($"unknown listing kind {Kind}"),
    };

    /// <summary>The listing a <see cref="ToKey"/> key names; null for anything else.</summary>
    public static ArticleListing? FromKey(string key) => key switch
    {
        "all" => Latest,
        _ when key.StartsWith("s-", StringComparison.Ordinal) => new(ArticleListingKind.Section, key[2..]),
        _ when key.StartsWith("t-", StringComparison.Ordinal) => new(ArticleListingKind.Tag, key[2..]),
        _ when key.StartsWith("m-", StringComparison.Ordinal) => new(ArticleListingKind.Month, key[2..]),
        _ => null,
    };

    /// <summary>Every listing a published article appears in.</summary>
    public static IReadOnlyList<ArticleListing> Of(ArticleRecord record)
    {
        var listings = new List<ArticleListing> { Latest, Section(record.Section), Month(record.PublishedAt) };
        listings.AddRange(record.Tags.Select(Tag).Distinct());
        return listings;
    }
}
