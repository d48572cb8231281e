using System.Text.Json;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>JSON uploads (ARTICLE-FORMAT.md §3): one article object or an array of them; <c>body</c> is Markdown or a list of paragraphs.</summary>
public sealed class JsonArticleParser : IArticleParser
{
    private const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public IReadOnlyCollection<string> Extensions { get; } = [".json"];

    public bool Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && head[first] is (byte)'{' or (byte)'[';
    }

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        var bytes = content.Span.StartsWith("\uFEFF"u8) ? content[3..] : content;

        // JsonDocument only checks the encoding of a string when it is read, which would throw half-way through.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return ParseResult.Failed("not UTF-8 text: the JSON has bytes that are not valid UTF-8; save it as UTF-8 and upload it again");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            return ParseResult.Failed(ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"the JSON is nested more than {MaxDepth} levels deep{where}; an article is one object with text fields"
                : $"not valid JSON{where}: check for a missing comma, quote or bracket");
        }

        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
            var articles = new List<ParsedArticle>();
            var warnings = new List<string>();
            var budget = MarkdownBody.MaxMarkersPerUpload;
            for (var i = 0; i < items.Count; i++)
            {
                var problem = "it is not an object";
                var article = items[i].ValueKind == JsonValueKind.Object ? Read(items[i], context, ref budget, out problem) : null;
                if (article is null)
                {
                    warnings.Add(items.Count == 1 ? $"the article was skipped: {problem}" : $"item {i + 1} was skipped: {problem}");
                    continue;
                }

                articles.Add(article);
            }

            return articles.Count == 0
                ? ParseResult.Failed($"{ParseResult.NoArticle} ({string.Join("; ", warnings)}; each article needs a \"title\" and a \"body\")")
                : ParseResult.Of(articles, warnings);
        }
    }

    private static ParsedArticle? Read(JsonElement item, ParseContext context, ref int budget, out string? problem)
    {
        var fields = new ArticleFields();
        var paragraphs = new List<string>();
        string? htmlWarning = null;
        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("body") || property.NameEquals("paragraphs"))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    var markdown = value.GetString()!;
                    if (MarkdownBody.CheckMarkers(markdown, ref budget) is { } tooComplex)
                    {
                        problem = tooComplex;
                        return null;
                    }

                    try
                    {
                        var read = MarkdownBody.Read(markdown, takeHeading: false);
                        paragraphs.AddRange(read.Paragraphs);
                        htmlWarning = read.Warning;
                    }
                    catch (ArgumentException)
                    {
                        problem = "its body is Markdown nested too deeply";
                        return null;
                    }
                }
                else if (value.ValueKind == JsonValueKind.Array)
                {
                    paragraphs.AddRange(Strings(value));
                }

                continue;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in Strings(value))
                {
                    fields.Add(property.Name, entry);
                }
            }
            else if (Scalar(value) is { } scalar)
            {
                fields.Set(property.Name, scalar);
            }
        }

        var article = StructuredArticle.Build(fields, paragraphs, context, out problem);
        return article is not null && htmlWarning is not null ? article with { Warnings = [.. article.Warnings, htmlWarning] } : article;
    }

    private static IEnumerable<string> Strings(JsonElement array)
    {
        var count = 0;
        foreach (var entry in array.EnumerateArray())
        {
            if (Scalar(entry) is { } text && !string.IsNullOrWhiteSpace(text) && count++ < ArticleFields.MaxListItems * 100)
            {
                yield return text.Trim();
            }
        }
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
