namespace Pipeline.Core.Parsing;

/// <summary>Shapes of text lines the page-text rules ask about: sentences, names, capitals.</summary>
internal static class PageText
{
    public static int CountWords(ReadOnlySpan<char> text) => Text.ReadingStats.CountWords(text);

    /// <summary>
    /// True when the line ends a sentence the way running text does (full stop, possibly inside quotes). Initials such
    /// as <c>U.S.</c> do not count: a headline may end with them.
    /// </summary>
    public static bool EndsWithFullStop(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd("”\"’')]");
        if (t.Length < 2 || t[^1] is not ('.' or '…'))
        {
            return false;
        }

        // "U.S." / "U.K.": a capital right before the stop and a stop two characters earlier.
        return !(t.Length >= 4 && char.IsUpper(t[^2]) && t[^3] == '.');
    }

    /// <summary>Ends with sentence punctuation of any kind, including question and exclamation marks.</summary>
    public static bool EndsLikeSentence(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd("”\"’')]");
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ',' or ';' or ':';
    }

    /// <summary>Running text rather than a headline: a full stop at the end, very long, or a long sentence.</summary>
    public static bool IsBodyLike(ReadOnlySpan<char> text) =>
        text.Length > 300 || EndsWithFullStop(text) || (EndsLikeSentence(text) && CountWords(text) > 16);

    /// <summary>At least two letters and none of them lower case (<c>AAMIR SAEED</c>, <c>IRBIL</c>).</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    /// <summary>A short name line of the trailer: an edition (<c>Arab News Pakistan</c>), an agency or an author.</summary>
    public static bool IsNameLine(ReadOnlySpan<char> text) =>
        text.Length is >= 2 and <= 60 && CountWords(text) <= 7 && !EndsLikeSentence(text)
        && text.IndexOfAny(":()“”\"") < 0 && text.IndexOfAnyInRange('0', '9') < 0;

    /// <summary>
    /// A name alone (<c>Shahjahan Khurram</c>, <c>Saudi Arabia</c>): two to four words, each capitalised, no digits and
    /// no punctuation. News headlines are written in sentence case, so a line like this is a byline or a label.
    /// </summary>
    public static bool LooksLikeName(ReadOnlySpan<char> text)
    {
        if (text.Length > 40 || !IsNameLine(text))
        {
            return false;
        }

        var words = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (!char.IsUpper(word[0]) || word.IndexOfAny(",;!?") >= 0)
            {
                return false;
            }

            words++;
        }

        return words is >= 2 and <= 4;
    }

    /// <summary>
    /// The people a byline names, as a reader should see them: <c>SAMI HADDAD &amp; LINA FAROUK</c> gives
    /// <c>Sami Haddad</c> and <c>Lina Farouk</c>; <c>Sara Nakamura, Tokyo</c> (the Japan edition's name and city) gives
    /// the name; a listing's <c>AP ·</c> gives <c>AP</c>. Agencies in capitals (<c>AFP</c>) keep them.
    /// </summary>
    public static IEnumerable<string> Names(ReadOnlySpan<char> line)
    {
        var text = line.Trim().TrimEnd(" ·|").ToString();
        var comma = text.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma > 0 && CountWords(text.AsSpan(comma + 2)) == 1 && CountWords(text.AsSpan(0, comma)) >= 2)
        {
            text = text[..comma];
        }

        return text.Split([" & ", " and ", " et "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => IsAllCaps(name) && name.Length > 5 && name.Contains(' ') ? TitleCase(name) : name);
    }

    /// <summary><c>NAWAF AL-QAHTANI</c> as <c>Nawaf Al-Qahtani</c>: a capital after each space, hyphen or apostrophe.</summary>
    private static string TitleCase(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-' or '’' or '\'')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    public static bool StartsWithBy(ReadOnlySpan<char> text) => text.StartsWith("By ", StringComparison.OrdinalIgnoreCase);

    public static bool IsEditionName(ReadOnlySpan<char> text) => text.StartsWith("Arab News", StringComparison.OrdinalIgnoreCase);
}
