namespace Pipeline.Core.Parsing;

/// <summary>Reads one upload format. Implementations never throw on bad input; they return a failed result.</summary>
public interface IArticleParser
{
    /// <summary>File extensions this parser owns, lower case with the dot.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>True for a parser whose <see cref="Sniff"/> accepts almost anything (plain text): it is asked after the others.</summary>
    bool IsFallback => false;

    /// <summary>True when the first bytes of a file look like this format (used when the extension says nothing).</summary>
    bool Sniff(ReadOnlySpan<byte> head);

    ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context);
}
