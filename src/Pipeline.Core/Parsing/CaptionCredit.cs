namespace Pipeline.Core.Parsing;

/// <summary>Separates an image caption from the credit that closes it: <c>… on June 22, 2024. (Photo courtesy: MOI)</c>.</summary>
internal static class CaptionCredit
{
    // Words that only ever make up a credit line on its own ("AFP", "Reuters/File", "Photo courtesy: MOI", "Supplied").
    private static readonly HashSet<string> CreditWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AFP", "AP", "Reuters", "SPA", "WAM", "EPA", "APP", "PID", "ISPR", "PTI", "BNA", "KUNA", "QNA", "Getty", "Images", "Shutterstock",
        "Supplied", "File", "Anadolu", "Xinhua", "Bloomberg", "Twitter", "X", "Facebook", "Instagram", "Courtesy", "Photo", "Photos",
        "Handout", "Screengrab", "Screenshot", "Screen", "grab", "fournie", "fourni", "DR", "AN", "Arab", "News", "via", "Social", "Media", "Agency", "Pool", "EFE", "ANI", "SANA",
    };

    // Agencies whose name may open a credit line followed by a photographer: "AP Photo/Anjum Naveed", "Reuters/Akhtar Soomro".
    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "AFP", "AP", "Reuters", "SPA", "WAM", "EPA", "APP", "PID", "ISPR", "PTI", "BNA", "KUNA", "QNA", "Getty", "Shutterstock", "Anadolu",
        "Xinhua", "Bloomberg", "EFE", "ANI", "SANA", "AN",
    };

    // Parenthesised words at the end of a caption that place a person in the picture rather than credit it.
    private static readonly HashSet<string> PositionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "L", "R", "C", "left", "right", "center", "centre", "top", "bottom", "front", "back", "pictured", "above", "below", "inset", "rear",
        "2nd L", "2nd R", "3rd L", "3rd R", "2nd left", "2nd right", "3rd left", "3rd right", "L to R", "from left", "from right",
    };

    /// <summary>Splits the closing parenthesis off as the credit; a line that is only a credit gives a null caption.</summary>
    public static (string? Caption, string? Credit) Split(ReadOnlySpan<char> line)
    {
        var text = WithoutTail(line.Trim());
        if (CreditStart(text) is var open and >= 0)
        {
            var caption = text[..open].TrimEnd();
            return (caption.IsEmpty ? null : caption.ToString(), CreditOf(text, open).ToString());
        }

        if (IsBareCredit(text))
        {
            return (null, text.ToString());
        }

        // "… on Monday. AFP": a credit written as the caption's last sentence, without brackets.
        var stop = text.Length > 48 ? text[^48..].LastIndexOf(". ") : -1;
        if (stop >= 0)
        {
            var at = text.Length - 48 + stop;
            var tail = text[(at + 2)..].TrimEnd('.').Trim();
            if (IsBareCredit(tail))
            {
                return (text[..(at + 1)].ToString(), tail.ToString());
            }
        }

        return (text.IsEmpty ? null : text.ToString(), null);
    }

    /// <summary>True when the line closes with a credit in parentheses; allocates nothing, for the parser's look-aheads.</summary>
    public static bool HasCredit(ReadOnlySpan<char> line) => CreditStart(WithoutTail(line.Trim())) >= 0;

    /// <summary>
    /// The line without what a copy glues after a closing credit: the page's path (<c>(AFP)/node/2574230/pakistan</c>),
    /// stray letters (<c>(AFP file)eeeed</c>) or a doubled bracket (<c>(AFP))</c>).
    /// </summary>
    private static ReadOnlySpan<char> WithoutTail(ReadOnlySpan<char> text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0 || close == text.Length - 1 && !text.EndsWith("))"))
        {
            return text;
        }

        var tail = text[(close + 1)..];
        if (tail.Length <= 40 && tail.IndexOfAny(' ', '\t') < 0 && !tail.TrimEnd('.').IsEmpty)
        {
            text = text[..(close + 1)];
        }

        return text.EndsWith("))") && text.Count('(') < text.Count(')') ? text[..^1] : text;
    }

    /// <summary>Where the closing "(credit)" opens, or -1.</summary>
    private static int CreditStart(ReadOnlySpan<char> text)
    {
        var closing = text.TrimEnd('.').TrimEnd();
        return closing.Length >= 3 && closing[^1] == ')' && MatchingOpen(closing) is var open and >= 0 && IsCredit(CreditOf(text, open)) ? open : -1;
    }

    private static ReadOnlySpan<char> CreditOf(ReadOnlySpan<char> text, int open) => text.TrimEnd('.').TrimEnd()[(open + 1)..^1].Trim();

    /// <summary>A line that is nothing but a credit, with or without parentheses: <c>(AFP)</c>, <c>Reuters/File</c>.</summary>
    public static bool IsCreditOnly(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        return CreditStart(text) == 0 || IsBareCredit(text);
    }

    private static int MatchingOpen(ReadOnlySpan<char> text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0 && text.Length - i <= 120; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsCredit(ReadOnlySpan<char> credit)
    {
        if (credit.Length is < 2 or > 100 || PositionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(credit))
        {
            return false;
        }

        // A year or a count in brackets ("(2019)", "(5)") is part of the caption.
        var letters = 0;
        foreach (var c in credit)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 2 && !PageText.EndsWithFullStop(credit);
    }

    private static bool IsBareCredit(ReadOnlySpan<char> text)
    {
        if (text.Length is < 2 or > 60 || PageText.EndsLikeSentence(text))
        {
            return false;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["Photo courtesy", "Courtesy", "Photo:", "Photo by", "Image:", "Credit:", "Photo credit"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && PageText.CountWords(text) <= 8)
            {
                return true;
            }
        }

        var words = 0;
        var known = 0;
        var firstIsAgency = false;
        var lookup = CreditWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in text.SplitAny(" /,:-|&"))
        {
            var word = text[range].Trim();
            if (word.IsEmpty)
            {
                continue;
            }

            if (++words > 6)
            {
                return false;
            }

            firstIsAgency |= words == 1 && Agencies.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            known += lookup.Contains(word) ? 1 : 0;
        }

        return words > 0 && (known == words || (firstIsAgency && words <= 5));
    }
}
