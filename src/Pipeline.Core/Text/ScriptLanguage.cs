namespace Pipeline.Core.Text;

/// <summary>
/// Guesses the language of text written in the Arabic script, so pages can mark it <c>lang</c> and right-to-left.
/// Urdu is told from Arabic by letters only Urdu uses; Latin text gets null (the site's language applies).
/// </summary>
public static class ScriptLanguage
{
    public static string? Guess(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        int arabic = 0, latin = 0;
        var urdu = false;
        foreach (var c in text)
        {
            if (c is '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06BE' or '\u06C1' or '\u06D2')
            {
                urdu = true;
                arabic++;
            }
            else if (c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                arabic += char.IsLetter(c) ? 1 : 0;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }

        // A Latin article quoting an Arabic name stays Latin: the script with more letters wins.
        return arabic > latin ? (urdu ? "ur" : "ar") : null;
    }

    /// <summary>True for languages written right to left.</summary>
    public static bool IsRightToLeft(string? language) => language?.Split('-')[0] is "ar" or "ur" or "fa" or "he" or "ps" or "sd" or "ug" or "yi";
}
