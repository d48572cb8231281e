using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Rendering;
using Pipeline.Testing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// One article page rendered from its record and content: view building, JSON-LD, the article template and the
/// layout, as the render function does it; no storage. An article of about 800 words with related articles.
/// </summary>
[MemoryDiagnoser]
public class ArticlePageBenchmark
{
    private PageRenderer _renderer = null!;
    private ArticleRecord _record = null!;
    private ParsedArticle _content = null!;
    private ArticleNeighbourhood _around = null!;
    private Uri _shortUrl = null!;

    /// <summary>Bytes of the rendered page, reported beside the timing.</summary>
    public int PageBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var newest = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var (record, content) = SiteSeed.Article(1, newest);
        var paragraph = string.Join(' ', Enumerable.Repeat("The council met on Tuesday to discuss the river defences, and officials said the work would go on through the summer.", 3));
        _content = content with { Paragraphs = Enumerable.Range(0, 12).Select(i => $"{i + 1}. {paragraph}").ToList() };
        _record = record;
        var neighbours = Enumerable.Range(2, 6).Select(i => SiteSeed.Article(i, newest).Record)
            .Select(r => new ArticleSummary(r.Id, r.Headline, r.Path, r.Section, r.PublishedAt, r.UpdatedAt, r.Description, r.ShortCode))
            .ToList();
        _around = new ArticleNeighbourhood(neighbours[0], neighbours[1], neighbours[2..]);
        var options = Options.Create(new PipelineOptions());
        _renderer = new PageRenderer(options);
        _shortUrl = new Uri(options.Value.ShortLinkBaseUrl, record.ShortCode);
        PageBytes = Render().Length;
    }

    [Benchmark]
    public string Render() => _renderer.RenderArticle(SiteTheme.Default, _record, _content, _shortUrl, _around);
}
