namespace Pipeline.Functions.Access;

/// <summary>
/// How management calls are let in (section <c>Access</c>): a function key, checked by the host itself, or, when a
/// tenant and client id are set, an Entra ID access token for the desk's app registration with an app role.
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>Directory (tenant) id of the editors' Entra tenant; with <see cref="EntraClientId"/>, turns sign-in on.</summary>
    public string? EntraTenantId { get; set; }

    /// <summary>Application (client) id of the desk's app registration: the audience its tokens carry.</summary>
    public string? EntraClientId { get; set; }

    /// <summary>The Entra sign-in host (another cloud's, e.g. <c>https://login.microsoftonline.us/</c>, where needed).</summary>
    public Uri EntraInstance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>
    /// Where a key is checked: the key-protected <c>GET /api/access/key</c> of this app. Unset, it is the app's own
    /// address from the platform's <c>WEBSITE_HOSTNAME</c>; the local host sets its own.
    /// </summary>
    public Uri? KeyCheckUrl { get; set; }

    /// <summary>
    /// What is wrong with these settings, or null: a tenant without a client id (or the reverse) would leave the desk
    /// with a sign-in that cannot work, so the app refuses to start and says which setting to mend.
    /// </summary>
    public string? Problem()
    {
        var tenant = !string.IsNullOrWhiteSpace(EntraTenantId);
        var client = !string.IsNullOrWhiteSpace(EntraClientId);
        if (tenant != client)
        {
            return tenant
                ? "Access:EntraTenantId is set but Access:EntraClientId is not: set both (the desk's app registration) or neither"
                : "Access:EntraClientId is set but Access:EntraTenantId is not: set both (the editors' tenant) or neither";
        }

        if (!tenant)
        {
            return null;
        }

        if (!Guid.TryParse(EntraClientId, out _))
        {
            return $"Access:EntraClientId '{EntraClientId}' is not an application (client) id: a GUID, as the app registration shows it";
        }

        // The tenant by its id, not a domain or "common": tokens carry the id (tid, and in their issuer), and a
        // token is let in only when both name this one tenant.
        return Guid.TryParse(EntraTenantId, out _)
            ? null
            : $"Access:EntraTenantId '{EntraTenantId}' is not a directory (tenant) id: a GUID, as the tenant's overview shows it";
    }

    /// <summary>Checks the settings when the app starts, with <see cref="Problem"/>'s words.</summary>
    public sealed class Check : Microsoft.Extensions.Options.IValidateOptions<AccessOptions>
    {
        public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, AccessOptions options) =>
            options.Problem() is { } problem
                ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problem)
                : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
    }

    public bool EntraEnabled => !string.IsNullOrWhiteSpace(EntraTenantId) && !string.IsNullOrWhiteSpace(EntraClientId);

    /// <summary>The tenant's v2.0 authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public Uri Authority => new(EntraInstance, $"{EntraTenantId}/v2.0");

    /// <summary>The tenant's authorization endpoint, where the desk sends an editor to sign in.</summary>
    public Uri AuthorizeEndpoint => new(EntraInstance, $"{EntraTenantId}/oauth2/v2.0/authorize");

    /// <summary>The tenant's token endpoint, where the desk redeems the code (a single-page app's redirect, with PKCE).</summary>
    public Uri TokenEndpoint => new(EntraInstance, $"{EntraTenantId}/oauth2/v2.0/token");

    /// <summary>The scope the desk asks for: the API's own, as exposed by the app registration.</summary>
    public string Scope => $"api://{EntraClientId}/{DeskScope}";

    public const string DeskScope = "Desk.Use";
}
