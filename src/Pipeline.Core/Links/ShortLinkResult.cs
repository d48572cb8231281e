namespace Pipeline.Core.Links;

/// <summary>Outcome of creating a short link: the link, or an error with a machine-readable code.</summary>
public sealed record ShortLinkResult(ShortLink? Link, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Link is not null;

    public static ShortLinkResult Created(ShortLink link) => new(link, null, null);

    public static ShortLinkResult Invalid(string code, string message) => new(null, code, message);
}
