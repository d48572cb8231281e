namespace Pipeline.Core.Parsing;

/// <summary>One line of page text, classified once so the parser's look-aheads stay cheap.</summary>
internal readonly struct Line
{
    private Line(string text, bool bullet)
    {
        Text = text;
        IsBullet = bullet;
        IsBlank = text.Length == 0;
        if (IsBlank || bullet)
        {
            return;
        }

        IsShortUrl = text.Length is >= 8 and <= 10 && text.Replace(" ", "", StringComparison.Ordinal).Equals("ShortUrl", StringComparison.OrdinalIgnoreCase);
        IsFollow = text.Equals("Follow", StringComparison.OrdinalIgnoreCase);
        IsUpdated = text.StartsWith("Updated", StringComparison.OrdinalIgnoreCase)
            && (text.Length == 7 || text[7] is ' ' or ':' or '\t') && text.Length < 60;
        IsUrl = (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && !text.Contains(' ');
        IsJunk = text.Contains("You are here", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith("date ", StringComparison.OrdinalIgnoreCase) && text.Length > 15 && char.IsDigit(text[5]));
    }

    /// <summary>The line without surrounding white space (bullets keep their marker here).</summary>
    public string Text { get; }

    public bool IsBlank { get; }
    public bool IsBullet { get; }
    public bool IsShortUrl { get; }
    public bool IsFollow { get; }
    public bool IsUpdated { get; }
    public bool IsUrl { get; }

    /// <summary>Breadcrumb lines of the source page (<c>date 2025-07-10 You are here</c>).</summary>
    public bool IsJunk { get; }

    /// <summary>The bullet's text without its marker.</summary>
    public string BulletText => Text.TrimStart('•', '●', '▪', '◦', ' ', '\t', '\u00A0');

    public static Line[] Split(string text)
    {
        var count = 1;
        foreach (var c in text.AsSpan())
        {
            if (c == '\n')
            {
                count++;
            }
        }

        var lines = new Line[count];
        var n = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var span = text.AsSpan(range).Trim();
            var bullet = span.Length > 0 && span[0] is '•' or '●' or '▪' or '◦';
            lines[n++] = new Line(span.Length == 0 ? string.Empty : span.ToString(), bullet);
        }

        return lines;
    }
}
