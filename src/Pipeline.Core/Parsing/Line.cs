namespace Pipeline.Core.Parsing;

/// <summary>What a non-blank line of page text is, decided once from its first characters.</summary>
internal enum LineKind : byte
{
    Text,
    Bullet,
    ShortUrl,
    Url,
    Updated,
    Follow,

    /// <summary>Page furniture (<see cref="PageChrome"/>): breadcrumbs, counters, widgets, section names.</summary>
    Junk,

    /// <summary>A photo gallery's counter, <c>1 / 4</c>: the next line is that picture's caption.</summary>
    Counter,

    /// <summary>An indented line, while the lines are split; then a <see cref="Bullet"/> or <see cref="Text"/>.</summary>
    Indented,

    /// <summary>A block that follows the story (<c>Topics:</c>, <c>Most Popular</c>, a disclaimer): the body ends above it.</summary>
    End,

    /// <summary>The article's own publish time, <c>Publié le 12 mars 2023</c>.</summary>
    Published,
}

/// <summary>
/// One non-blank line of page text as a range of the decoded text. Blank lines are dropped up front: page text has no
/// hard wraps, so every non-blank line is a unit of its own and blank lines carry no structure the parser needs.
/// </summary>
internal readonly record struct Line(int Start, int Length, LineKind Kind)
{
    /// <summary>True for the page's own chrome words, which frame the header and the trailer of an article.</summary>
    public bool IsHeaderWord => Kind is LineKind.ShortUrl or LineKind.Updated or LineKind.Follow or LineKind.Counter or LineKind.Published;
}
