using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>What a parser made of one upload: its articles, or the reason it found none.</summary>
public sealed record ParseResult(IReadOnlyList<ParsedArticle> Articles, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Articles.Count > 0;

    public static ParseResult Failed(string reason) => new([], [reason]);

    public static ParseResult Of(IReadOnlyList<ParsedArticle> articles) =>
        articles.Count > 0
            ? new(articles, [])
            : Failed("no article found: the file has no headline followed by body text");
}
