namespace Pipeline.Core.Links;

/// <summary>Which targets a short link may point at: absolute http(s) only, so a link can never run script.</summary>
public static class UrlRules
{
    /// <summary>Longer targets are refused: browsers and proxies cut URLs beyond a few thousand characters anyway.</summary>
    public const int MaxLength = 8192;

    /// <summary>Null when <paramref name="url"/> is acceptable, else the reason it is not.</summary>
    /// <param name="otherServiceHosts">
    /// Further names the service answers on, on any port (in Azure, the app's default host name next to a custom
    /// short-link domain).
    /// </param>
    public static string? Check(string? url, Uri? shortLinkBase, IReadOnlyCollection<string>? otherServiceHosts = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required";
        }

        if (url.Length > MaxLength)
        {
            return $"url is longer than {MaxLength} characters";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return "url must be an absolute http or https URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"url scheme '{uri.Scheme}' is not allowed: only http and https";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "url must not carry a user name or password";
        }

        if (HostProblem(uri.Host) is { } hostProblem)
        {
            return hostProblem;
        }

        if ((shortLinkBase is not null && IsSelf(uri, shortLinkBase)) || (otherServiceHosts?.Any(host => SameHost(uri.Host, host)) ?? false))
        {
            return "url points at the short-link service itself, which would make a redirect loop";
        }

        if (shortLinkBase is not null && IsLocal(uri.Host) && !IsLocal(shortLinkBase.Host))
        {
            return "url points at this machine (a loopback or unspecified address), which no reader can reach";
        }

        return null;
    }

    /// <summary>The URL as it goes into a <c>Location</c> header: absolute, percent-encoded, host in ASCII (punycode).</summary>
    public static string Normalize(string url)
    {
        var uri = new Uri(url.Trim(), UriKind.Absolute);
        return uri.Host == uri.IdnHost ? uri.AbsoluteUri : new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
    }

    /// <summary>
    /// The short-link service's own address in any spelling: the same name with a trailing dot or in another case, or,
    /// where the service runs on this machine, any loopback or unspecified address on its port (<c>localhost</c>,
    /// <c>[::1]</c>, <c>127.0.0.2</c>, <c>0.0.0.0</c>).
    /// </summary>
    private static bool IsSelf(Uri target, Uri service)
    {
        if (target.Port != service.Port)
        {
            return false;
        }

        return SameHost(target.Host, service.Host) || (IsLocal(target.Host) && IsLocal(service.Host));
    }

    private static bool SameHost(string a, string b) => string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary><c>localhost</c>, a loopback address (IPv4, IPv6 or IPv4-mapped) or the unspecified one.</summary>
    private static bool IsLocal(string host)
    {
        var name = host.TrimEnd('.').Trim('[', ']');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!System.Net.IPAddress.TryParse(name, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return System.Net.IPAddress.IsLoopback(address) || address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any);
    }

    /// <summary>
    /// Why a host cannot be a target: invisible characters (a zero-width space), or a name that mixes Latin letters
    /// with Cyrillic or Greek ones in one label, the shape of a look-alike of a known name (<c>аpple.com</c>).
    /// </summary>
    private static string? HostProblem(string host)
    {
        foreach (var label in host.Split('.'))
        {
            var (latin, lookalike) = (false, false);
            foreach (var c in label)
            {
                if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control)
                {
                    return "url host contains an invisible character";
                }

                latin |= char.IsAsciiLetter(c);
                lookalike |= c is >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u04FF';
            }

            if (latin && lookalike)
            {
                return $"url host '{host}' mixes Latin with Cyrillic or Greek letters, as look-alikes of other names do";
            }
        }

        return null;
    }
}
