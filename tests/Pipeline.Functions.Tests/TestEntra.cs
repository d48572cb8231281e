using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Tests;

/// <summary>
/// A tenant of our own for token tests: a signing key published through the same metadata type the app reads, and
/// tokens shaped as Entra's v2.0 access tokens (iss, aud, tid, oid, name, roles), signed with that key or another.
/// </summary>
public sealed class TestEntra
{
    public const string TenantId = "7c3a1d5e-0000-4a4a-9e9e-123456789abc";
    public const string ClientId = "d2f0b6a4-1111-4b4b-8c8c-abcdefabcdef";

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "tenant-key-1" };
    private readonly RsaSecurityKey stranger = new(RSA.Create(2048)) { KeyId = "tenant-key-1" };

    public AccessOptions Options { get; } = new() { EntraTenantId = TenantId, EntraClientId = ClientId };

    public static Dictionary<string, string?> Settings => new()
    {
        ["Access:EntraTenantId"] = TenantId,
        ["Access:EntraClientId"] = ClientId,
    };

    public EntraTokens Tokens()
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Options.Authority.ToString() };
        configuration.SigningKeys.Add(key);
        return new EntraTokens(Microsoft.Extensions.Options.Options.Create(Options),
            new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration));
    }

    public string Token(
        string name = "Amina Qureshi", string objectId = "0b5f6c1e-1111-2222-3333-444455556666", string[]? roles = null,
        string? audience = null, string? issuer = null, string? tenant = null, DateTime? expires = null, bool signedByStranger = false)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant ?? TenantId,
            ["oid"] = objectId,
            ["name"] = name,
            ["roles"] = roles ?? [nameof(DeskRole.Editor)],
            ["ver"] = "2.0",
        };
        var end = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Options.Authority.ToString(),
            Audience = audience ?? ClientId,
            IssuedAt = end.AddHours(-1) < now ? end.AddHours(-1) : now,
            NotBefore = end.AddHours(-1) < now ? end.AddHours(-1) : now,
            Expires = end,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedByStranger ? stranger : key, SecurityAlgorithms.RsaSha256),
        });
    }
}

/// <summary>The Functions host's key check as a test double: 204 for the keys it knows, 401 for others; counts its calls.</summary>
public sealed class FakeKeyRoute(params string[] goodKeys) : HttpMessageHandler
{
    public int Calls { get; private set; }

    public bool Down { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        if (Down)
        {
            throw new HttpRequestException("connection refused");
        }

        var given = request.Headers.TryGetValues("x-functions-key", out var values) ? values.Single() : "";
        return Task.FromResult(new HttpResponseMessage(goodKeys.Contains(given) ? System.Net.HttpStatusCode.NoContent : System.Net.HttpStatusCode.Unauthorized));
    }
}
