
namespace Pipeline.Core.Parsing;

/// <summary>Picks the parser for an upload by its extension, falling back to sniffing the content.</summary>
public sealed class ArticleFileParser(IEnumerable<IArticleParser> parsers)
{
    private readonly IArticleParser[] _parsers = parsers.ToArray();

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        if (content.IsEmpty)
        {
            return ParseResult.Failed("the file is empty");
        }

        var extension = Path.GetExtension(context.FileName).ToLowerInvariant();
        var parser = Array.Find(_parsers, p => p.Extensions.Contains(extension))
            ?? Array.Find(_parsers, p => p.Sniff(content.Span[..Math.Min(content.Length, 4096)]));
        if (parser is null)
        {
            return ParseResult.Failed($"unknown file type '{extension}': upload page text (.txt), Markdown (.md), JSON (.json) or Word (.docx)");
        }

        try
        {
            return WithDefaults(parser.Parse(content, context), context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Parsers are written not to throw; if one does, the editor still gets a reason instead of a retry loop.
            return ParseResult.Failed($"the file could not be read: {ex.Message}");
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

        var articles = result.Articles.Select(a => a.Section is null ? a with { Section = folder } : a).ToList();
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

}
