using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A stand-in for an Entra ID tenant on 127.0.0.1, speaking the parts of the Microsoft identity platform the desk and
/// the API use: the v2.0 OpenID Connect metadata and signing keys, the authorization endpoint (signs the one person
/// in at once and sends the browser back with a code), and the token endpoint (redeems the code against its PKCE
/// verifier, answering with CORS as Entra does for a single-page app's redirect address).
/// </summary>
public sealed class LocalTenant : IAsyncDisposable
{
    public const string TenantId = "5a1e0c9d-2222-4c4c-8d8d-0123456789ab";
    public const string ClientId = "9e8d7c6b-3333-4d4d-9f9f-fedcba987654";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "local-tenant-1" };
    private readonly ConcurrentDictionary<string, (string Challenge, string Redirect)> codes = new();

    private LocalTenant(WebApplication app) => this.app = app;

    public Uri Base { get; private set; } = null!;

    /// <summary>Who signs in next, and with which app roles.</summary>
    public (string Name, string ObjectId, string[] Roles) Person { get; set; } = ("Bilal Ahmed", "4c1d2e3f-4444-4e4e-aaaa-0a1b2c3d4e5f", ["Editor"]);

    public int Redemptions { get; private set; }

    /// <summary>The settings that point an app at this tenant.</summary>
    public Dictionary<string, string> AppSettings => new()
    {
        ["Access__EntraTenantId"] = TenantId,
        ["Access__EntraClientId"] = ClientId,
        ["Access__EntraInstance"] = Base.ToString(),
    };

    private string Issuer => $"{Base}{TenantId}/v2.0";

    public static async Task<LocalTenant> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var tenant = new LocalTenant(builder.Build());
        tenant.Map();
        await tenant.app.StartAsync();
        var address = tenant.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        tenant.Base = new Uri(address.TrimEnd('/') + "/");
        return tenant;
    }

    /// <summary>An access token as this tenant would issue it for the person, for API calls made without a browser.</summary>
    public string AccessToken(string? audience = null) => Sign(new Dictionary<string, object>
    {
        ["aud"] = audience ?? ClientId,
        ["tid"] = TenantId,
        ["oid"] = Person.ObjectId,
        ["name"] = Person.Name,
        ["roles"] = Person.Roles,
        ["scp"] = "Desk.Use",
        ["ver"] = "2.0",
    });

    private string Sign(Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = claims,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    private void Map()
    {
        app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Base}{TenantId}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Base}{TenantId}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{Base}{TenantId}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));

        app.MapGet($"/{TenantId}/discovery/v2.0/keys", () =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });

        app.MapGet($"/{TenantId}/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
                || !query["scope"].ToString().Contains($"api://{ClientId}/Desk.Use", StringComparison.Ordinal))
            {
                return Results.BadRequest("not a request this tenant accepts");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            codes[code] = (query["code_challenge"].ToString(), query["redirect_uri"].ToString());
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });

        app.MapPost($"/{TenantId}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin.ToString();
            var form = await context.Request.ReadFormAsync();
            if (!codes.TryRemove(form["code"].ToString(), out var issued) || form["redirect_uri"] != issued.Redirect || form["client_id"] != ClientId)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "unknown or used code" }, statusCode: 400);
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != issued.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "the code verifier does not match" }, statusCode: 400);
            }

            Redemptions++;
            var idToken = Sign(new Dictionary<string, object> { ["aud"] = ClientId, ["tid"] = TenantId, ["oid"] = Person.ObjectId, ["name"] = Person.Name });
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = AccessToken(), id_token = idToken, scope = $"api://{ClientId}/Desk.Use" });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
