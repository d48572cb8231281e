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

    /// <summary>True when two lines read the same; a negative index (an article without a headline line) is never the same.</summary>
    public bool SameText(int a, int b) =>
        a >= 0 && b >= 0 && _lines[a].Length == _lines[b].Length && Span(a).SequenceEqual(Span(b));

    /// <summary>The length of a leading <c>date 2020-04-20 </c> strip (with its spaces), or 0.</summary>
    private static int DateStripLength(ReadOnlySpan<char> t)
    {
        if (t.Length < 16 || !t.StartsWith("date ", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var date = t[5..15];
        if (date[4] != '-' || date[7] != '-' || date[..4].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return 0;
        }

        var length = 15;
        while (length < t.Length && char.IsWhiteSpace(t[length]))
        {
            length++;
        }

        return length;
    }

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

        Indentation(lines, count);
        DropBadges(text, lines, count);
        return new PageLines(text, lines, count);
    }

    /// <summary>
    /// Indented lines are summary points, unless the whole copy is indented (then indentation tells nothing and they
    /// are text).
    /// </summary>
    private static void Indentation(Line[] lines, int count)
    {
        var indented = 0;
        for (var i = 0; i < count; i++)
        {
            indented += lines[i].Kind == LineKind.Indented ? 1 : 0;
        }

        var bullets = indented * 4 <= count;
        for (var i = 0; i < count && indented > 0; i++)
        {
            if (lines[i].Kind == LineKind.Indented)
            {
                lines[i] = lines[i] with { Kind = bullets ? LineKind.Bullet : LineKind.Text };
            }
        }
    }

    private const string Badge = "Special ";

    /// <summary>
    /// "Special Port city opens ferry terminal" a few lines from "Port city opens ferry terminal": the page's badge
    /// copied into the headline. The line is narrowed to the headline, so the repeat is seen as one.
    /// </summary>
    private static void DropBadges(string text, Line[] lines, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (line.Kind != LineKind.Text || line.Length <= Badge.Length + 8 || !text.AsSpan(line.Start, line.Length).StartsWith(Badge, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text.AsSpan(line.Start + Badge.Length, line.Length - Badge.Length);
            for (var k = Math.Max(0, i - 12); k < Math.Min(count, i + 12); k++)
            {
                if (k != i && text.AsSpan(lines[k].Start, lines[k].Length).SequenceEqual(rest))
                {
                    lines[i] = line with { Start = line.Start + Badge.Length, Length = line.Length - Badge.Length };
                    break;
                }
            }
        }
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

        if (first == end)
        {
            return null;
        }

        var indent = first;

        // " date 2020-04-20 How a Saudi calligrapher…": an older layout's date strip glued to the line below it.
        if (DateStripLength(span[first..end]) is var strip and > 0 && first + strip < end)
        {
            var rest = span[(first + strip)..end];
            if (PageChrome.Classify(rest) is not { Kind: LineKind.Junk } && !rest.StartsWith("•"))
            {
                first += strip;
            }
        }

        var kind = KindOf(span[first..end]);

        // An indented line of its own is a summary point copied without its marker ("  The minister called …").
        return new Line(start + first, end - first, kind == LineKind.Text && indent >= 2 && end - first <= 300 && !char.IsWhiteSpace(span[end - 1]) ? LineKind.Indented : kind);
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
