using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pipeline.Core.Parsing;

/// <summary>
/// CommonMark text as plain paragraphs, one per block: the page template HTML-encodes every string, so markup is
/// flattened to its text here (list items and quotes become paragraphs, headings too, raw HTML is dropped).
/// </summary>
internal static class MarkdownBody
{
    // Markdig's inline parser is quadratic in the unmatched '[', '*' and '_' of one paragraph (10 000 of them take
    // seconds). Prose has a handful; these caps keep the worst case of a whole upload well under a second.
    private const int MaxMarkersPerParagraph = 200;
    public const int MaxMarkersPerUpload = 50_000;

    // Markdig slows to seconds on lists nested hundreds deep before its own limit stops it; every level costs at
    // least two columns of indentation, so a list or quote marker this far in is deeper than any article needs.
    private const int MaxMarkerIndent = 120;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// Null when the text is safe to hand to Markdig, else the reason. <paramref name="budget"/> is shared by all the
    /// Markdown of one upload (a JSON array holds many bodies).
    /// </summary>
    public static string? CheckMarkers(string markdown, ref int budget)
    {
        var inParagraph = 0;
        var span = markdown.AsSpan();
        if (NestsTooDeep(span))
        {
            return "the Markdown nests lists or quotes more than 60 levels deep; an article needs a few at most";
        }

        var position = 0;
        while (position < span.Length)
        {
            var next = span[position..].IndexOfAny("[*_\n");
            if (next < 0)
            {
                break;
            }

            position += next;
            if (span[position] == '\n')
            {
                if (NestsTooDeep(span[(position + 1)..]))
                {
                    return "the Markdown nests lists or quotes more than 60 levels deep; an article needs a few at most";
                }

                // A blank line ends the paragraph (white space between the two line ends does not matter here).
                var after = span[(position + 1)..].TrimStart(" \t\r");
                if (after.IsEmpty || after[0] == '\n')
                {
                    inParagraph = 0;
                }
            }
            else if (++inParagraph > MaxMarkersPerParagraph || --budget < 0)
            {
                return $"the Markdown has a paragraph with more than {MaxMarkersPerParagraph} brackets, asterisks or underscores; write it as plain text";
            }

            position++;
        }

        return null;
    }

    private static bool NestsTooDeep(ReadOnlySpan<char> line)
    {
        var indent = line.IndexOfAnyExcept(" \t>");
        if (indent < MaxMarkerIndent)
        {
            return false;
        }

        var rest = line[indent..];
        return rest.Length > 1 && (rest[0] is '-' or '*' or '+' || char.IsAsciiDigit(rest[0]));
    }

    /// <summary>The paragraphs, the first heading when it opens the text (a title for files without one), and the first image.</summary>
    /// <exception cref="ArgumentException">Markdig refuses elements nested deeper than its limit.</exception>
    public static MarkdownText Read(string markdown, bool takeHeading)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var collector = new Collector();
        string? heading = null;
        var first = true;
        foreach (var block in document)
        {
            if (first && takeHeading && block is HeadingBlock opening)
            {
                heading = collector.InlineText(opening.Inline);
                first = false;
                continue;
            }

            first = false;
            collector.Collect(block);
        }

        return new MarkdownText(collector.Paragraphs, string.IsNullOrWhiteSpace(heading) ? null : heading, collector.DroppedHtml, collector.ImageUrl);
    }

    /// <summary>Walks the blocks once, gathering text and noting what was left out.</summary>
    private sealed class Collector
    {
        public List<string> Paragraphs { get; } = [];
        public int DroppedHtml { get; private set; }
        public string? ImageUrl { get; private set; }

        public void Collect(Block block)
        {
            switch (block)
            {
                case LeafBlock { Inline: { } inline }:
                    Add(InlineText(inline));
                    break;
                case HtmlBlock:
                    // Raw HTML (and script) is never published; an editor is told it was left out.
                    DroppedHtml++;
                    break;
                case CodeBlock code:
                    Add(code.Lines.ToString());
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Collect(child);
                    }

                    break;
            }
        }

        public string InlineText(ContainerInline? inline)
        {
            var builder = new StringBuilder();
            Append(builder, inline);
            return builder.ToString();
        }

        private void Add(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0)
            {
                Paragraphs.Add(trimmed);
            }
        }

        private void Append(StringBuilder builder, Inline? inline)
        {
            switch (inline)
            {
                case null or HtmlInline:
                    break;
                case LinkInline { IsImage: true } image:
                    // A picture is not text: its address may serve as the article's image.
                    ImageUrl ??= image.Url;
                    break;
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case AutolinkInline link:
                    builder.Append(link.Url);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        Append(builder, child);
                    }

                    break;
            }
        }
    }
}
