using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Core.Articles;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Pipeline.Core.Parsing;

/// <summary>
/// Word documents (ARTICLE-FORMAT.md §4): the first Title- or Heading-styled paragraph is the headline, list
/// paragraphs right after it are the summary, the rest is the body. A document without any heading style is page
/// text pasted into Word and is read by the page-text rules.
/// </summary>
public sealed class WordArticleParser : IArticleParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    public bool Sniff(ReadOnlySpan<byte> head) => ZipSafety.IsZip(head) && head.IndexOf("word/"u8) >= 0;

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        if (ZipSafety.Check(content) is { } unsafeReason)
        {
            return ParseResult.Failed(unsafeReason);
        }

        List<WordParagraph> paragraphs;
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
            {
                return ParseResult.Failed("not a Word document: the file has no document body (is it a spreadsheet or a presentation?)");
            }

            paragraphs = Read(body, HeadingStyles(main));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // OpenXml and System.IO.Packaging throw a dozen exception types on damaged packages; to an editor they all mean one thing.
            return ParseResult.Failed("the Word file is damaged and cannot be opened; open it in Word, save it again and upload it");
        }

        var headline = paragraphs.FindIndex(p => p.IsHeading);
        if (headline < 0)
        {
            var text = string.Join('\n', paragraphs.Select(p => p.IsList ? "  • " + p.Text : p.Text));
            return new PageTextParser().ParseText(text, context);
        }

        return ParseResult.Of(Build(paragraphs, headline, context) is { } article ? [article] : []);
    }

    private static ParsedArticle? Build(List<WordParagraph> paragraphs, int headline, ParseContext context)
    {
        var fields = new ArticleFields();
        fields.Set("title", paragraphs[headline].Text);
        var i = headline + 1;
        if (i < paragraphs.Count && paragraphs[i].IsCaption)
        {
            fields.Set("caption", paragraphs[i++].Text);
        }

        if (i < paragraphs.Count && !paragraphs[i].IsList && PageText.StartsWithBy(paragraphs[i].Text) && PageText.IsNameLine(paragraphs[i].Text))
        {
            fields.Set("author", paragraphs[i++].Text[3..].Trim());
        }

        for (; i < paragraphs.Count && paragraphs[i].IsList; i++)
        {
            fields.Add("summary", paragraphs[i].Text);
        }

        var body = new List<string>();
        for (; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].IsCaption && fields.Get("caption") is null)
            {
                fields.Set("caption", paragraphs[i].Text);
                continue;
            }

            body.Add(paragraphs[i].Text);
        }

        var article = StructuredArticle.Build(fields, body, context, out _);
        return article is not null && headline > 0
            ? article with { Warnings = [.. article.Warnings, $"{headline} paragraph(s) above the headline were left out"] }
            : article;
    }

    /// <summary>Style ids that mean a title or heading, by id or by name, so documents from localised Word count too.</summary>
    private static HashSet<string> HeadingStyles(MainDocumentPart main)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Title", "Heading1", "Heading2", "Heading3" };
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var name = style.StyleName?.Val?.Value ?? string.Empty;
            var level = style.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
            if (style.StyleId?.Value is { } id && (name.Equals("Title", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) || level is >= 0 and <= 2))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static List<WordParagraph> Read(Body body, HashSet<string> headingStyles)
    {
        var paragraphs = new List<WordParagraph>();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            var text = TextOf(paragraph);
            if (text.Length == 0)
            {
                continue;
            }

            var properties = paragraph.ParagraphProperties;
            var style = properties?.ParagraphStyleId?.Val?.Value ?? string.Empty;
            var heading = headingStyles.Contains(style) || properties?.OutlineLevel?.Val?.Value is >= 0 and <= 2;
            var list = properties?.NumberingProperties is not null || style.Contains("List", StringComparison.OrdinalIgnoreCase);
            var caption = style.Equals("Caption", StringComparison.OrdinalIgnoreCase);
            paragraphs.Add(new WordParagraph(text, heading, list, caption));
        }

        return paragraphs;
    }

    private static string TextOf(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case WordText text:
                    builder.Append(text.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private sealed record WordParagraph(string Text, bool IsHeading, bool IsList, bool IsCaption);
}
