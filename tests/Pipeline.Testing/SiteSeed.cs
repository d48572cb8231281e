using System.Globalization;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Core.Text;

namespace Pipeline.Testing;

/// <summary>
/// Published articles written straight into the article store (content, record, listing rows), as ingest leaves them,
/// without parsing uploads: many articles quickly, with sections, tags, months and scripts varied.
/// </summary>
public static class SiteSeed
{
    public static readonly string[] Sections = ["world", "business", "pakistan"];
    public static readonly string[] Tags = ["climate", "markets", "elections", "health"];

    /// <summary>The i-th generated article: every third in a new section, tags in rotation, one hour apart going back from <paramref name="newest"/>.</summary>
    public static (ArticleRecord Record, ParsedArticle Content) Article(int i, DateTimeOffset newest, string? headline = null)
    {
        var published = newest.AddHours(-i * 7);
        var title = headline ?? $"Story {i.ToString(CultureInfo.InvariantCulture)}: river levels, markets and a council vote";
        var content = new ParsedArticle
        {
            Headline = title,
            Caption = $"Photo for story {i}",
            ImageCredit = i % 2 == 0 ? "Desk photo" : null,
            ImageUrl = i % 5 == 0 ? $"https://images.example/{i}.jpg" : null,
            Byline = i % 3 == 0 ? null : $"Reporter {i % 7}",
            Summary = [$"First point of story {i}", $"Second point of story {i}"],
            Dateline = "MILLBRIDGE",
            Paragraphs = Enumerable.Range(1, 8).Select(p => $"Paragraph {p} of story {i}. The council met on Tuesday to discuss the river, the markets and the weather, and it will meet again in June.").ToList(),
            Section = Sections[i % Sections.Length],
            Tags = [Tags[i % Tags.Length], Tags[(i + 1) % Tags.Length]],
        };
        return (Record(i.ToString("x4", CultureInfo.InvariantCulture) + "seed", content, published), content);
    }

    /// <summary>A record for <paramref name="content"/> as ingest would store it on first publish.</summary>
    public static ArticleRecord Record(string id, ParsedArticle content, DateTimeOffset published)
    {
        var slug = Slug.From(content.Headline) + "-" + id;
        return new ArticleRecord
        {
            Id = id,
            Slug = slug,
            Path = $"{published.UtcDateTime:yyyy'/'MM'/'dd}/{slug}/",
            Headline = content.Headline,
            Section = content.Section ?? "news",
            Tags = content.Tags,
            Description = content.Summary.FirstOrDefault(),
            PublishedAt = published,
            UpdatedAt = published,
            Version = 1,
            ContentHash = ContentHash.Of(content),
            ShortCode = "s" + id,
            SourceBlob = "seed.txt",
            SourcePosition = 0,
        };
    }

    /// <summary>Stores one article (content, record, listing rows); returns the stored record.</summary>
    public static async Task<ArticleRecord> StoreAsync(IArticleStore store, ArticleRecord record, ParsedArticle content, CancellationToken cancellationToken = default)
    {
        await store.SaveContentAsync(record.Id, record.ContentHash, content, cancellationToken);
        var saved = await store.SaveAsync(record, cancellationToken);
        await store.IndexAsync(saved, cancellationToken);
        return saved;
    }

    /// <summary>Stores <paramref name="count"/> generated articles, many at a time.</summary>
    public static async Task<IReadOnlyList<ArticleRecord>> SeedAsync(IArticleStore store, int count, DateTimeOffset newest, int parallelism = 16, CancellationToken cancellationToken = default)
    {
        var records = new ArticleRecord[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var (record, content) = Article(i, newest);
            records[i] = await StoreAsync(store, record, content, token);
        });
        return records;
    }

    /// <summary>Stores a new version of an article as ingest does for an edit (content, record with the next version, listing rows).</summary>
    public static async Task<ArticleRecord> EditAsync(IArticleStore store, ArticleRecord record, ParsedArticle content, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var hash = ContentHash.Of(content);
        await store.SaveContentAsync(record.Id, hash, content, cancellationToken);
        var saved = await store.SaveAsync(record with
        {
            Headline = content.Headline,
            Tags = content.Tags,
            Description = content.Summary.FirstOrDefault(),
            ContentHash = hash,
            Version = record.Version + 1,
            UpdatedAt = at,
        }, cancellationToken);
        await store.IndexAsync(saved, cancellationToken);
        return saved;
    }

    /// <summary>
    /// Edits generated article <paramref name="index"/> as ingest would and renders it as the render function would;
    /// returns its record from before the edit and the site files the render wrote.
    /// </summary>
    public static async Task<(ArticleRecord Before, IReadOnlyList<string> Written)> EditAndRenderAsync(
        PipelineServices services, int index, DateTimeOffset newest, Func<ParsedArticle, ParsedArticle> edit, CancellationToken cancellationToken = default)
    {
        var store = services.Get<IArticleStore>();
        var (seeded, content) = Article(index, newest);
        var record = await store.GetAsync(seeded.Id, cancellationToken) ?? throw new InvalidOperationException($"article {index} was not seeded");
        var edited = await EditAsync(store, record, edit(content), DateTimeOffset.UtcNow, cancellationToken);
        var written = await services.RenderAndRefreshAsync(new RenderRequest(edited.Id, edited.Version), cancellationToken);
        return (record, written);
    }
}
