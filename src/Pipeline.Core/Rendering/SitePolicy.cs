namespace Pipeline.Core.Rendering;

/// <summary>
/// The site's content security policy, which the default theme satisfies (no inline script or style, nothing from
/// other origins but images). Azure's static-website endpoint sends no headers of its own, so every page carries it
/// as <c>&lt;meta http-equiv&gt;</c>; a meta policy cannot carry <c>frame-ancestors</c>, <c>report-uri</c> or
/// <c>sandbox</c>, so framing is refused only where a header can be sent (the local host, or a CDN in front).
/// </summary>
public static class SitePolicy
{
    /// <summary>The policy as pages carry it.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The policy as a response header, where one can be sent: the page's policy, and no framing.</summary>
    public const string ContentSecurityPolicyHeader = ContentSecurityPolicy + "; frame-ancestors 'none'";
}
