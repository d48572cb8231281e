using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Articles;

/// <summary>
/// Names of a story that hold across files: the short link its source page carried, and its headline with its body
/// text. Two uploads that share either are the same story, so it keeps one URL however often it is uploaded.
/// </summary>
public static class StoryKeys
{
    /// <summary>The story's keys, ASCII and safe as table keys: <c>u-…</c> for the source's short link, <c>t-…</c> for its text.</summary>
    public static IReadOnlyList<string> Of(ParsedArticle article)
    {
        var keys = new List<string>(2);
        if (NormalLink(article.OriginalShortUrl) is { Length: > 0 } link)
        {
            keys.Add("u-" + Hash(link));
        }

        if (article.Paragraphs.Count > 0)
        {
            var text = new StringBuilder(article.Headline.Length + 64 * article.Paragraphs.Count);
            Append(text, article.Headline);
            foreach (var paragraph in article.Paragraphs)
            {
                Append(text, paragraph);
            }

            keys.Add("t-" + Hash(text.ToString()));
        }

        return keys;
    }

    /// <summary><c>https://www.arab.news/9qmds/</c> and <c>arab.news/9qmds</c> are one link; the code's case is kept.</summary>
    private static string? NormalLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var t = url.Trim().AsSpan();
        var scheme = t.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            t = t[(scheme + 3)..];
        }

        if (t.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        t = t.TrimEnd('/');
        var slash = t.IndexOf('/');
        return slash < 0 ? t.ToString().ToLowerInvariant() : t[..slash].ToString().ToLowerInvariant() + t[slash..].ToString();
    }

    // White space runs count as one space, and case is ignored, so a re-copied page with other line ends is one story.
    private static void Append(StringBuilder builder, string value) => Text.CollapsedText.Append(builder, value, lowerCase: true).Append('\n');

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
