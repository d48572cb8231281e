using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>Picks the parser for an upload by its extension, falling back to sniffing the content.</summary>
public sealed class ArticleFileParser(IEnumerable<IArticleParser> parsers)
{
    private const int SniffBytes = 4096;

    // Specific formats first: plain text would claim almost any upload.
    private readonly IArticleParser[] _parsers = [.. parsers.Where(p => !p.IsFallback), .. parsers.Where(p => p.IsFallback)];

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        if (content.IsEmpty)
        {
            return ParseResult.Failed("the file is empty");
        }

        if (content.Length > context.MaxBytes)
        {
            return ParseResult.Failed($"file is {Megabytes(content.Length)}; the limit is {Megabytes(context.MaxBytes)}");
        }

        var extension = Path.GetExtension(context.FileName).ToLowerInvariant();
        var byExtension = Array.Find(_parsers, p => p.Extensions.Contains(extension));
        var sniffed = Sniff(content[..Math.Min(content.Length, SniffBytes)], byExtension);
        var parser = byExtension ?? sniffed;
        if (parser is null)
        {
            return ParseResult.Failed($"unknown file type '{extension}': upload page text (.txt), Markdown (.md), JSON (.json) or Word (.docx)");
        }

        var result = TryParse(parser, content, context);
        if (!result.Succeeded && byExtension is not null && sniffed is not null && !sniffed.IsFallback)
        {
            // A Word file saved as .txt, or JSON saved as .md: the content knows better than the name.
            var second = TryParse(sniffed, content, context);
            if (second.Succeeded)
            {
                return second with { Warnings = [$"the file's name ends in '{extension}' but it was read as {sniffed.Extensions.First()}", .. second.Warnings] };
            }
        }

        return result;
    }

    private IArticleParser? Sniff(ReadOnlyMemory<byte> head, IArticleParser? skip)
    {
        foreach (var parser in _parsers)
        {
            if (parser != skip && parser.Sniff(head.Span))
            {
                return parser;
            }
        }

        return null;
    }

    private static ParseResult TryParse(IArticleParser parser, ReadOnlyMemory<byte> content, ParseContext context)
    {
        try
        {
            return WithDefaults(parser.Parse(content, context), context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Parsers are written not to throw; if one does, the editor still gets a reason instead of a retry loop.
            return ParseResult.Failed($"the file could not be read: {Uploads.FailureReason.Of(ex)}");
        }
    }

    /// <summary>The section comes from the folder of the blob name unless the file names one.</summary>
    private static ParseResult WithDefaults(ParseResult result, ParseContext context)
    {
        var folder = SectionOf(context.FileName);
        if (folder is null || !result.Succeeded)
        {
            return result;
        }

        var articles = new List<ParsedArticle>(result.Articles.Count);
        foreach (var article in result.Articles)
        {
            articles.Add(article.Section is null ? article with { Section = folder } : article);
        }

        return result with { Articles = articles };
    }

    /// <summary>The first folder of a blob name, as a section key (<c>Pakistan/story.txt</c> → <c>pakistan</c>).</summary>
    public static string? SectionOf(string blobName)
    {
        var slash = blobName.IndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var section = Text.Slug.From(blobName[..slash]);
        return section.Length > 0 ? section : null;
    }

    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
