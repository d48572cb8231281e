using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Text;

/// <summary>ASCII slugs that are readable for Latin, Cyrillic and Greek text and stable for any script.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    // Scripts with a customary romanisation; others (Arabic, Urdu, Chinese…) have no reversible one worth guessing.
    private static readonly Dictionary<char, string> Transliterations = BuildTransliterations();

    /// <summary>
    /// Lower-case ASCII words joined by '-', diacritics folded. When most letters of the text could not be spelled
    /// in ASCII, a short hash of the text is appended (or stands alone), so two Arabic headlines never share a slug.
    /// </summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 16);
        var pendingDash = false;
        var letters = 0;
        var spelled = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }

            var ascii = c < 128 ? (char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : null) : Transliterate(c);
            if (ascii is null)
            {
                // Apostrophes join ("Pakistan’s" → "pakistans"); everything else separates words.
                pendingDash |= c is not ('\'' or '’');
                continue;
            }

            if (char.IsLetter(c))
            {
                spelled++;
            }

            if (builder.Length > MaxLength)
            {
                continue;
            }

            if (pendingDash && builder.Length > 0)
            {
                builder.Append('-');
            }

            pendingDash = false;
            builder.Append(ascii);
        }

        var slug = Trim(builder.ToString());
        if (slug.Length >= 3 && spelled * 2 >= letters)
        {
            return slug;
        }

        // Text in a script that does not transliterate still needs a stable key; the readable part, if any, leads.
        var readable = slug.Length > MaxLength - 12 ? Trim(slug[..(MaxLength - 12)]) : slug;
        return (readable.Length > 0 ? readable + "-" : "a-") + Hash(text);
    }

    private static string? Transliterate(char c)
    {
        if (Transliterations.TryGetValue(char.ToLowerInvariant(c), out var ascii))
        {
            return ascii;
        }

        return null;
    }

    /// <summary>Cuts at most <see cref="MaxLength"/> characters at a word boundary and without stray dashes.</summary>
    private static string Trim(string slug)
    {
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > MaxLength / 2 ? cut : MaxLength)];
        }

        return slug.Trim('-');
    }

    private static string Hash(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    private static Dictionary<char, string> BuildTransliterations()
    {
        var map = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['æ'] = "ae", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['ł'] = "l", ['þ'] = "th", ['œ'] = "oe", ['ı'] = "i", ['ħ'] = "h",
            ['ŋ'] = "ng", ['ŧ'] = "t", ['ſ'] = "s",
        };
        const string cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў";
        string[] cyrillicLatin =
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
            "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "u",
        ];
        const string greek = "αβγδεζηθικλμνξοπρσςτυφχψω";
        string[] greekLatin = ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"];
        for (var i = 0; i < cyrillic.Length; i++)
        {
            map[cyrillic[i]] = cyrillicLatin[i];
        }

        for (var i = 0; i < greek.Length; i++)
        {
            map[greek[i]] = greekLatin[i];
        }

        return map;
    }
}
