namespace Pipeline.Core.Parsing;

/// <summary>Markdown with YAML front matter (ARTICLE-FORMAT.md §2): fields from the front matter, paragraphs from the CommonMark body.</summary>
public sealed class MarkdownArticleParser : IArticleParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    /// <summary>Front matter is the one sure sign of an article in Markdown; plain Markdown is left to the text parser.</summary>
    public bool Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        return head.StartsWith("---\n"u8) || head.StartsWith("---\r\n"u8);
    }

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        var text = TextDecoding.TryDecode(content.Span, out var reason);
        if (text is null)
        {
            return ParseResult.Failed(reason!);
        }

        var (yaml, body) = FrontMatter.Split(text);
        var fields = new ArticleFields();
        if (yaml is not null && !FrontMatter.TryRead(yaml, fields, out var problem))
        {
            return ParseResult.Failed(problem!);
        }

        var budget = MarkdownBody.MaxMarkersPerUpload;
        if (MarkdownBody.CheckMarkers(body, ref budget) is { } tooComplex)
        {
            return ParseResult.Failed(tooComplex);
        }

        var takeHeading = fields.Get("title", "headline") is null;
        MarkdownText markdown;
        try
        {
            markdown = MarkdownBody.Read(body, takeHeading);
        }
        catch (ArgumentException)
        {
            return ParseResult.Failed("the Markdown is nested too deeply (quotes or lists inside each other more than 100 times)");
        }

        if (yaml is null && markdown.Heading is null)
        {
            // No front matter and no heading: page text saved under a .md name.
            return new PageTextParser().ParseText(text, context);
        }

        if (markdown.Heading is not null)
        {
            fields.Set("title", markdown.Heading);
        }

        if (markdown.ImageUrl is not null && fields.Get("image") is null)
        {
            fields.Set("image", markdown.ImageUrl);
        }

        var article = StructuredArticle.Build(fields, markdown.Paragraphs, context, out var missing);
        if (article is null)
        {
            return ParseResult.Failed($"{ParseResult.NoArticle} ({missing}: give it a 'title' in the front matter or start it with a '# heading')");
        }

        if (markdown.Warning is { } warning)
        {
            article = article with { Warnings = [.. article.Warnings, warning] };
        }

        return ParseResult.Of([article]);
    }
}
