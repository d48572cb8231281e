using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Text;

/// <summary>ASCII slugs that are readable for Latin text and stable for any script.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>Lower-case ASCII words joined by '-', diacritics folded; a short hash when the text has no Latin letters.</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 16));
        var pendingDash = false;
        foreach (var c in Fold(text))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(c);
                if (builder.Length >= MaxLength)
                {
                    break;
                }
            }
            else if (c is not '\'' and not '’')
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
        }

        var lastDash = slug.Length == MaxLength ? slug.LastIndexOf('-') : -1;
        if (lastDash > MaxLength / 2)
        {
            slug = slug[..lastDash];
        }

        // Text in a script that does not transliterate (Arabic, Urdu, Chinese) still needs a stable, readable-enough key.
        return slug.Length >= 3 ? slug : (slug.Length > 0 ? slug + "-" : "a-") + Hash(text);
    }

    private static IEnumerable<char> Fold(string text)
    {
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ß': yield return 's'; yield return 's'; break;
                case 'æ' or 'Æ': yield return 'a'; yield return 'e'; break;
                case 'ø' or 'Ø': yield return 'o'; break;
                case 'đ' or 'Đ' or 'ð': yield return 'd'; break;
                case 'ł' or 'Ł': yield return 'l'; break;
                case 'þ': yield return 't'; yield return 'h'; break;
                case 'œ' or 'Œ': yield return 'o'; yield return 'e'; break;
                case 'ı': yield return 'i'; break;
                default: yield return c < 128 ? char.ToLowerInvariant(c) : ' '; break;
            }
        }
    }

    private static string Hash(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }
}
