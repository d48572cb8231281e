namespace Pipeline.Core.Links;

/// <summary>The answer to a reader following a short code.</summary>
/// <param name="Kind">Redirect, not found, or gone.</param>
/// <param name="Location">Where to redirect (<see cref="RedirectKind.Redirect"/>).</param>
/// <param name="Reason">Machine-readable reason (<see cref="LinkErrorCodes"/>) when not redirecting.</param>
/// <param name="NotFoundPage">The site's 404 page (<see cref="RedirectKind.NotFound"/>), null when the site has none.</param>
public readonly record struct LinkRedirect(RedirectKind Kind, string? Location, string? Reason, string? NotFoundPage);
