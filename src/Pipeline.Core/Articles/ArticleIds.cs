using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Articles;

/// <summary>Article identities: explicit ids from the upload, else derived from where the article sits in which blob.</summary>
public static partial class ArticleIds
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Stable id of the article at <paramref name="position"/> (0-based) in blob <paramref name="blobName"/>.</summary>
    public static string ForSource(string blobName, int position)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{blobName}\n{position}"));
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Base32[hash[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>True for an id an editor may give explicitly (safe as a table key and in a URL).</summary>
    public static bool IsValidExplicit(string id) => ExplicitRegex().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{2,63}\z")]
    private static partial Regex ExplicitRegex();
}
