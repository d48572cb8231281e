using System.Globalization;

namespace Pipeline.Core.Parsing;

/// <summary>
/// The dateline that opens a news story: an upper-case place, then up to three comma parts in any case (country,
/// state or date), then a colon or a dash: <c>ISLAMABAD:</c>, <c>IRBIL, IRAQ:</c>, <c>HASAKEH, Syria:</c>,
/// <c>LONDON, OCT 26:</c>, <c>WASHINGTON (AP) —</c>. Conservative on purpose: a speaker (<c>Khan: “…”</c>) or a
/// label (<c>WATCH:</c>) must never be mistaken for a place.
/// </summary>
internal static class Dateline
{
    private const int MaxLength = 64;

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "UPDATE", "UPDATED", "WATCH", "VIDEO", "PHOTOS", "PHOTO", "OPINION", "ANALYSIS", "NOTE",
        "EDITOR'S NOTE", "EDITOR’S NOTE", "LIVE", "READ", "READ MORE", "ALSO READ", "FACTBOX", "EXPLAINER", "REVIEW", "INTERVIEW",
        "CORRECTION", "CLARIFICATION", "WARNING", "SPOILER", "TIMELINE", "SOURCE", "SOURCES", "QUOTE", "Q", "A", "PS", "NB", "FYI", "TL;DR",
        "URGENT", "FLASH", "ALERT", "DEVELOPING", "RELATED", "MORE", "LISTEN", "PODCAST", "POLL", "QUIZ", "FEATURE", "COMMENT", "EDITORIAL",
    };

    /// <summary>Place (as written, without the colon or dash) and the paragraph after it; nulls when it has no dateline.</summary>
    public static (string? Place, string? Remainder) Split(string paragraph)
    {
        var span = paragraph.AsSpan();
        var window = span[..Math.Min(span.Length, MaxLength + 3)];
        var colon = window.IndexOf(':');
        var dash = window.IndexOfAny('—', '–');
        int end, skip;
        if (colon > 0 && (dash < 0 || colon < dash))
        {
            // "10:30" or "http://" are not datelines: the colon is followed by a space, a letter or a quote, or ends the line.
            if (colon + 1 < span.Length && !(char.IsWhiteSpace(span[colon + 1]) || char.IsLetter(span[colon + 1]) || span[colon + 1] is '“' or '"' or '‘'))
            {
                return (null, null);
            }

            (end, skip) = (colon, 1);
        }
        else if (dash > 0 && char.IsWhiteSpace(span[dash - 1]))
        {
            (end, skip) = (dash, 1);
        }
        else
        {
            return (null, null);
        }

        var head = span[..end].Trim();
        if (head.Length is < 2 or > MaxLength || !IsPlace(head))
        {
            return (null, null);
        }

        var rest = span[(end + skip)..].Trim();
        return (head.ToString(), rest.ToString());
    }

    private static bool IsPlace(ReadOnlySpan<char> head)
    {
        // An agency in brackets may close the dateline: "WASHINGTON (AP)".
        if (head[^1] == ')' && head.LastIndexOf('(') is var open and > 0)
        {
            var agency = head[(open + 1)..^1];
            if (agency.Length is 0 or > 20 || agency.ContainsAny("()"))
            {
                return false;
            }

            head = head[..open].TrimEnd();
        }

        var part = 0;
        foreach (var range in head.Split(','))
        {
            var text = head[range].Trim();
            if (text.IsEmpty || (part == 0 ? !IsUpperPlace(text) : !IsQualifier(text)) || ++part > 4)
            {
                return false;
            }
        }

        return part > 0;
    }

    /// <summary>
    /// The place itself: capitals only (<c>DERA ISMAIL KHAN</c>, <c>ST. PETERSBURG</c>, <c>BEIRUT/DUBAI</c>), or, in a
    /// script without capitals (Arabic, Urdu), a name of at most three words (<c>اسلام آباد</c>).
    /// </summary>
    private static bool IsUpperPlace(ReadOnlySpan<char> text)
    {
        if (PageText.CountWords(text) > 5 || Labels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text))
        {
            return false;
        }

        var upper = 0;
        var caseless = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsUpper(c))
                {
                    upper++;
                }
                else if (char.IsLower(c))
                {
                    return false;
                }
                else
                {
                    caseless++;
                }
            }
            else if (!(c is ' ' or '.' or '\'' or '’' or '-' or '/' or '&' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
            {
                return false;
            }
        }

        return caseless == 0 ? upper >= 2 : upper == 0 && caseless >= 2 && text.Length <= 25 && PageText.CountWords(text) <= 3;
    }

    /// <summary>A country, state or date after the place, in any case: <c>Syria</c>, <c>OCT 26</c>, <c>West Bank</c>.</summary>
    private static bool IsQualifier(ReadOnlySpan<char> text)
    {
        if (text.Length > 30 || PageText.CountWords(text) > 4 || !char.IsLetterOrDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '.' or '\'' or '’' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
