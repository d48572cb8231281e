namespace Pipeline.Core.Links;

/// <summary>Which targets a short link may point at: absolute http(s) only, so a link can never run script.</summary>
public static class UrlRules
{
    /// <summary>Null when <paramref name="url"/> is acceptable, else the reason it is not.</summary>
    public static string? Check(string? url, Uri? shortLinkBase)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required";
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

        if (shortLinkBase is not null && string.Equals(uri.Authority, shortLinkBase.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return "url points at the short-link service itself, which would make a redirect loop";
        }

        return null;
    }

    /// <summary>The URL as it goes into a <c>Location</c> header: absolute, percent-encoded, host in ASCII (punycode).</summary>
    public static string Normalize(string url) => new Uri(url.Trim(), UriKind.Absolute).AbsoluteUri;
}
