using System.Text;

namespace Pipeline.Core.Links;

/// <summary>Passes the short URL's query string on to the target, so UTM tags added when sharing reach the page.</summary>
public static class QueryStrings
{
    // Names sites read as "where to go next": passed on from a reader, any of them turns a target into a redirector.
    private static readonly HashSet<string> Steering = new(StringComparer.OrdinalIgnoreCase)
    {
        "q", "url", "u", "next", "redirect", "redirect_uri", "redirect_url", "redirectUrl", "return", "returnUrl", "return_to",
        "returnTo", "continue", "dest", "destination", "goto", "target", "to", "link", "out", "forward", "callback", "r",
    };

    /// <summary>
    /// The target with <paramref name="incoming"/> (<c>?a=1&amp;b=2</c> or empty) added to its query: the target's own
    /// parameters always win (a reader's <c>?q=</c> must not re-point <c>google.com/url?q=…</c> or a login's <c>next=</c>:
    /// that would make our domain an open redirect), parameters that steer navigation are never passed on, the rest are
    /// appended; a fragment stays last.
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
            if (!pair.IsEmpty)
            {
                builder.Append(first ? "" : "&").Append(pair);
                first = false;
            }
        }

        foreach (var range in extra.Split('&'))
        {
            var pair = extra[range];
            if (!pair.IsEmpty && !Names(own, Name(pair)) && !Steering.Contains(Name(pair).ToString()))
            {
                AppendEscaped(builder.Append(first ? "" : "&"), pair);
                first = false;
            }
        }

        if (first && question < 0)
        {
            // Nothing to pass on, and the target had no query: it stays as it was.
            builder.Length--;
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
