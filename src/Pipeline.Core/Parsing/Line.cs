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

    /// <summary>Breadcrumb lines of the source page (<c>date 2025-07-10 You are here</c>).</summary>
    Junk,
}

/// <summary>
/// One non-blank line of page text as a range of the decoded text. Blank lines are dropped up front: page text has no
/// hard wraps, so every non-blank line is a unit of its own and blank lines carry no structure the parser needs.
/// </summary>
internal readonly record struct Line(int Start, int Length, LineKind Kind)
{
    /// <summary>True for the page's own chrome words, which frame the header and the trailer of an article.</summary>
    public bool IsHeaderWord => Kind is LineKind.ShortUrl or LineKind.Updated or LineKind.Follow;
}
