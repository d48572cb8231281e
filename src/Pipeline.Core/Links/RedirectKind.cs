namespace Pipeline.Core.Links;

/// <summary>What following a short code leads to.</summary>
public enum RedirectKind
{
    /// <summary>Redirect to <see cref="LinkRedirect.Location"/>.</summary>
    Redirect,

    /// <summary>No such code: the site's 404 page.</summary>
    NotFound,

    /// <summary>The link expired (without an expired URL) or was archived: 410.</summary>
    Gone,

    /// <summary>The client has caused too many storage lookups of late: 429, try again shortly.</summary>
    Limited,
}
