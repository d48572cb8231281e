using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>
/// What a parser made of one upload: its articles (each with its own warnings), or the reasons it found none, in
/// words an editor understands.
/// </summary>
public sealed record ParseResult(IReadOnlyList<ParsedArticle> Articles, IReadOnlyList<string> Errors)
{
    public const string NoArticle = "no article found: the file has no headline followed by body text";

    /// <summary>Things about the file as a whole that did not stop it from publishing (skipped text, skipped items).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Errors.Count == 0 && Articles.Count > 0;

    public static ParseResult Failed(string reason) => new([], [reason]);

    public static ParseResult Of(IReadOnlyList<ParsedArticle> articles, IReadOnlyList<string>? warnings = null) =>
        (articles.Count > 0 ? new ParseResult(articles, []) : Failed(NoArticle)) with { Warnings = warnings ?? [] };
}
