namespace Pipeline.Core.Parsing;

/// <summary>
/// Reads text copied from published news pages (ARTICLE-FORMAT.md §1): no markup, structure carried by line
/// order and a few fixed words. One file may hold several articles; every element may be missing or repeated.
/// </summary>
public sealed class PageTextParser : IArticleParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    /// <summary>Any UTF-8 text could be page text, so this parser is asked last when sniffing.</summary>
    public bool IsFallback => true;

    public bool Sniff(ReadOnlySpan<byte> head) => TextDecoding.LooksLikeText(head);

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        var text = TextDecoding.TryDecode(content.Span, out var reason);
        return text is null ? ParseResult.Failed(reason!) : ParseText(text, context);
    }

    /// <summary>Parses already-decoded page text.</summary>
    public ParseResult ParseText(string text, ParseContext context)
    {
        var lines = PageLines.Split(text);
        return lines.Count == 0
            ? ParseResult.Failed("the file is empty")
            : new PageArticleReader(lines, context).ReadAll();
    }
}
