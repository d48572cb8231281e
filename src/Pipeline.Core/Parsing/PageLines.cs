namespace Pipeline.Core.Parsing;

/// <summary>
/// Page text cut into classified non-blank lines. One pass over the text with vectorised searches; nothing here is
/// allocated per line except the range, so a 10 MB upload costs one array and no strings until fields are read.
/// </summary>
internal sealed class PageLines
{
    private static readonly char[] Bullets = ['•', '●', '▪', '◦', '‣', '∙', '·'];

    private readonly string _text;
    private readonly Line[] _lines;

    private PageLines(string text, Line[] lines, int count)
    {
        _text = text;
        _lines = lines;
        Count = count;
    }

    public int Count { get; }

    public Line this[int index] => _lines[index];

    public LineKind Kind(int index) => _lines[index].Kind;

    public ReadOnlySpan<char> Span(int index) => _text.AsSpan(_lines[index].Start, _lines[index].Length);

    public string Text(int index) => Span(index).ToString();

    /// <summary>The time an <c>Updated …</c> or <c>Mis à jour …</c> line gives, as written.</summary>
    public string UpdatedValue(int index)
    {
        var span = Span(index);
        var word = span.StartsWith("Mis à jour", StringComparison.OrdinalIgnoreCase) ? 10 : 7;
        var value = span[word..].Trim().TrimStart(':').Trim();
        return (value.StartsWith("le ", StringComparison.OrdinalIgnoreCase) ? value[3..] : value).Trim().ToString();
    }

    /// <summary>A bullet's text without its marker.</summary>
    public string BulletText(int index) => Span(index).TrimStart(Bullets).Trim().ToString();

    public bool SameText(int a, int b) =>
        _lines[a].Length == _lines[b].Length && Span(a).SequenceEqual(Span(b));

    /// <summary>True when line <paramref name="index"/> is a bullet whose text equals line <paramref name="text"/>.</summary>
    public bool BulletRepeats(int index, int text)
    {
        var bullet = Span(index).TrimStart(Bullets).TrimStart();
        return bullet.SequenceEqual(Span(text));
    }

    public static PageLines Split(string text)
    {
        // A generous first guess (one line per 64 characters) saves most re-allocations on real page text.
        var lines = new Line[Math.Max(16, text.Length / 64)];
        var count = 0;
        var position = 0;
        var span = text.AsSpan();
        while (position <= span.Length)
        {
            var rest = span[position..];
            var end = rest.IndexOfAny('\n', '\r');
            var length = end < 0 ? rest.Length : end;
            var line = Classify(text, position, length);
            if (line is { } value)
            {
                if (count == lines.Length)
                {
                    Array.Resize(ref lines, lines.Length * 2);
                }

                lines[count++] = value;
            }

            if (end < 0)
            {
                break;
            }

            position += end + 1;
            if (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n')
            {
                position++;
            }
        }

        return new PageLines(text, lines, count);
    }

    private static Line? Classify(string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        var first = 0;
        var end = span.Length;
        while (first < end && IsBlank(span[first]))
        {
            first++;
        }

        while (end > first && IsBlank(span[end - 1]))
        {
            end--;
        }

        return first == end ? null : new Line(start + first, end - first, KindOf(span[first..end]));
    }

    // White space, and the invisible characters copying from a browser leaves at line edges (a BOM where files were joined).
    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static LineKind KindOf(ReadOnlySpan<char> t)
    {
        switch (t[0])
        {
            case '•' or '●' or '▪' or '◦' or '‣' or '∙' or '·':
                return LineKind.Bullet;
            case 'S' or 's' when t.Length <= 12 && IsShortUrl(t):
                return LineKind.ShortUrl;
            case 'S' or 's' when t.Length > 10 && t.Length < 200 && IsShortUrl(t[..9]) && char.IsWhiteSpace(t[9]) && IsLink(t[10..].Trim()):
                return LineKind.ShortUrl;
            case 'F' or 'f' when t.Length == 6 && t.Equals("Follow", StringComparison.OrdinalIgnoreCase):
                return LineKind.Follow;
            case 'U' or 'u' when t.Length is > 8 and <= 64 && t.StartsWith("Updated", StringComparison.OrdinalIgnoreCase) && UpdatedTime.IsValue(t[7..]):
                return LineKind.Updated;
            case 'h' or 'H' or 'w' or 'a' when t.Length < 300 && IsLink(t):
                return LineKind.Url;
            default:
                return PageChrome.Classify(t)?.Kind ?? LineKind.Text;
        }
    }

    private static bool IsShortUrl(ReadOnlySpan<char> t) =>
        t.EndsWith(':') ? t.Length > 1 && IsShortUrl(t[..^1].TrimEnd())
        : (t.Length == 8 && t.Equals("ShortUrl", StringComparison.OrdinalIgnoreCase))
        || (t.Length == 9 && t.StartsWith("Short", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(t[5]) && t.EndsWith("Url", StringComparison.OrdinalIgnoreCase));

    /// <summary>A single token that is a web address: <c>https://arab.news/9qmds</c>, or <c>arab.news/9qmds</c> without a scheme.</summary>
    internal static bool IsLink(ReadOnlySpan<char> t)
    {
        if (t.IsEmpty || t.ContainsAny(' ', '\t', '\u00A0'))
        {
            return false;
        }

        if (t.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Scheme-less: a host with a dot, then a path.
        var slash = t.IndexOf('/');
        var dot = t.IndexOf('.');
        return slash > 3 && dot > 0 && dot < slash && slash < t.Length - 1
            && t[..slash].IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") < 0;
    }
}
