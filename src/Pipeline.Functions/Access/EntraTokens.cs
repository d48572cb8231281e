using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Pipeline.Functions.Access;

/// <summary>A validated token's person: display name, object id and app roles.</summary>
public sealed record EntraUser(string Name, string ObjectId, IReadOnlyList<string> Roles);

/// <summary>What a token check found: the person, or why not, and whether the check itself could not be made now.</summary>
public sealed record EntraVerdict(EntraUser? User, string? Refusal, bool Unavailable = false)
{
    public static EntraVerdict Refused(string why) => new(null, why);
}

/// <summary>
/// Validates Entra ID access tokens in the app: signature against the tenant's published keys (fetched from its
/// OpenID Connect metadata and cached, refreshed when a token names a key not seen yet), issuer (the tenant's v2.0
/// issuer, or its v1 one for a registration that still issues v1 tokens), audience (the client id or
/// <c>api://{client id}</c>), lifetime with five minutes of clock skew, and the tenant and object id being present.
/// </summary>
public sealed class EntraTokens
{
    private readonly AccessOptions options;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? metadata;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public EntraTokens(IOptions<AccessOptions> options, IConfigurationManager<OpenIdConnectConfiguration>? metadata = null)
    {
        this.options = options.Value;
        this.metadata = metadata ?? (this.options.EntraEnabled
            ? new ConfigurationManager<OpenIdConnectConfiguration>(
                new Uri(this.options.Authority + "/.well-known/openid-configuration").ToString(),
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = this.options.EntraInstance.Scheme == Uri.UriSchemeHttps })
            : null);
    }

    public bool Enabled => options.EntraEnabled && metadata is not null;

    /// <summary>The person the token names, or the reason it is not accepted (for the <c>WWW-Authenticate</c> answer).</summary>
    public async Task<EntraVerdict> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (metadata is null)
        {
            return EntraVerdict.Refused("sign-in with Entra ID is not configured for this app");
        }

        if (token.Length > 16_384 || !handler.CanReadToken(token))
        {
            return EntraVerdict.Refused("the bearer token is not a JSON web token");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The tenant's metadata could not be read (network, its endpoint): no token can be checked now.
            return new EntraVerdict(null, "the sign-in keys could not be read; try again in a moment", Unavailable: true);
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The tenant rolled its keys since the metadata was read: read it again, once (the manager spaces refreshes).
            metadata.RequestRefresh();
            try
            {
                result = await handler.ValidateTokenAsync(token, Parameters(await metadata.GetConfigurationAsync(cancellationToken)));
            }
            catch (InvalidOperationException)
            {
                return new EntraVerdict(null, "the sign-in keys could not be read; try again in a moment", Unavailable: true);
            }
        }

        if (!result.IsValid)
        {
            return EntraVerdict.Refused(Describe(result.Exception));
        }

        var identity = result.ClaimsIdentity;
        var objectId = identity.FindFirst("oid")?.Value;
        if (string.IsNullOrEmpty(objectId) || !string.Equals(identity.FindFirst("tid")?.Value, options.EntraTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraVerdict.Refused("the token names no person of this tenant");
        }

        var name = identity.FindFirst("name")?.Value ?? identity.FindFirst("preferred_username")?.Value ?? objectId;
        var roles = identity.FindAll("roles").Select(c => c.Value).ToList();
        return new EntraVerdict(new EntraUser(name, objectId, roles), null);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) =>
        new()
        {
            ValidIssuers = [options.Authority.ToString(), $"https://sts.windows.net/{options.EntraTenantId}/"],
            ValidAudiences = [options.EntraClientId, $"api://{options.EntraClientId}"],
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            NameClaimType = "name",
            RoleClaimType = "roles",
        };

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the sign-in has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is for another application",
        SecurityTokenInvalidIssuerException => "the token is from another tenant or issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not verify",
        _ => "the token is not valid",
    };
}
