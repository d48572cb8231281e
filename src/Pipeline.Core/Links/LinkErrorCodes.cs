namespace Pipeline.Core.Links;

/// <summary>The machine-readable error codes of the link API; clients switch on these, so they never change.</summary>
public static class LinkErrorCodes
{
    public const string InvalidBody = "invalid_body";
    public const string InvalidUrl = "invalid_url";
    public const string InvalidCode = "invalid_code";
    public const string InvalidExpiry = "invalid_expiry";
    public const string InvalidTag = "invalid_tag";
    public const string InvalidTitle = "invalid_title";
    public const string InvalidQuery = "invalid_query";
    public const string TooMany = "too_many";
    public const string CodeTaken = "code_taken";
    public const string NotFound = "not_found";
    public const string Archived = "archived";
    public const string Expired = "expired";
    public const string Conflict = "conflict";
    public const string RateLimited = "rate_limited";
}
