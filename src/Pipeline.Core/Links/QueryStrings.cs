using System.Text;

namespace Pipeline.Core.Links;

/// <summary>Passes the short URL's query string on to the target, so UTM tags added when sharing reach the page.</summary>
public static class QueryStrings
{
    /// <summary>
    /// The target with <paramref name="incoming"/> (<c>?a=1&amp;b=2</c> or empty) merged into its query: parameters the
    /// short URL names replace the target's own of the same name, the rest of the target's stay, a fragment stays last.
    /// </summary>
    public static string Merge(string target, string? incoming)
    {
        var extra = incoming.AsSpan().TrimStart('?');
        if (extra.IsEmpty)
        {
            return target;
        }

        var hash = target.IndexOf('#');
        var beforeFragment = hash < 0 ? target.AsSpan() : target.AsSpan(0, hash);
        var fragment = hash < 0 ? ReadOnlySpan<char>.Empty : target.AsSpan(hash);
        var question = beforeFragment.IndexOf('?');
        var path = question < 0 ? beforeFragment : beforeFragment[..question];
        var own = question < 0 ? ReadOnlySpan<char>.Empty : beforeFragment[(question + 1)..];

        var builder = new StringBuilder(target.Length + extra.Length + 1);
        builder.Append(path).Append('?');
        var first = true;
        foreach (var range in own.Split('&'))
        {
            var pair = own[range];
            if (!pair.IsEmpty && !Names(extra, Name(pair)))
            {
                builder.Append(first ? "" : "&").Append(pair);
                first = false;
            }
        }

        foreach (var range in extra.Split('&'))
        {
            var pair = extra[range];
            if (!pair.IsEmpty)
            {
                AppendEscaped(builder.Append(first ? "" : "&"), pair);
                first = false;
            }
        }

        return builder.Append(fragment).ToString();
    }

    /// <summary>
    /// The reader's query as a URL may carry it: control characters, spaces and anything outside ASCII (a raw tab or
    /// 0x01 byte sent by a client) percent-encoded as UTF-8, so the Location header holds only what a header may.
    /// </summary>
    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is > ' ' and < '\u007f')
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? Encoding.UTF8.GetBytes(text.Slice(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD" : c.ToString(), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> pair)
    {
        var equals = pair.IndexOf('=');
        return equals < 0 ? pair : pair[..equals];
    }

    private static bool Names(ReadOnlySpan<char> query, ReadOnlySpan<char> name)
    {
        foreach (var range in query.Split('&'))
        {
            if (Name(query[range]).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}
