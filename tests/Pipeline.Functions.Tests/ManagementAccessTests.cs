using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Audit;
using Pipeline.Functions.Access;
using Pipeline.Functions.Http;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The door of the management calls: a function key as the host judges it, or an Entra ID token with the role the
/// call needs; what a caller is told when refused, and who the audit trail then names.
/// </summary>
public sealed class ManagementAccessTests
{
    private readonly TestEntra entra = new();
    private readonly FakeKeyRoute host = new("good-key");

    private ManagementAccess Access(bool withEntra = true) => new(
        withEntra ? entra.Tokens() : new EntraTokens(Microsoft.Extensions.Options.Options.Create(new AccessOptions())),
        new HostKeyCheck(Microsoft.Extensions.Options.Options.Create(new AccessOptions { KeyCheckUrl = new Uri("http://127.0.0.1:7071/api/access/key") }),
            new ConfigurationBuilder().Build(), TimeProvider.System, host),
        NullLogger<ManagementAccess>.Instance);

    private static DefaultHttpContext Call(string? bearer = null, string? key = null, string? code = null)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }

        if (code is not null)
        {
            context.Request.QueryString = new QueryString("?code=" + code);
        }

        return context;
    }

    private static async Task<(int Status, JsonElement? Body)> Answer(IActionResult? refusal, DefaultHttpContext context)
    {
        Assert.NotNull(refusal);
        var services = new ServiceCollection().AddLogging().AddMvcCore().Services;
        context.RequestServices = services.BuildServiceProvider();
        await refusal.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        var bytes = ((MemoryStream)context.Response.Body).ToArray();
        return (context.Response.StatusCode, bytes.Length > 0 ? JsonDocument.Parse(bytes).RootElement.Clone() : null);
    }

    [Fact]
    public async Task NoCredentials_Is401WithoutABody_AsTheHostAnswers()
    {
        var context = Call();
        var (status, body) = await Answer(await Access().RefuseAsync(context.Request, DeskRole.Editor, default), context);
        Assert.Equal(401, status);
        Assert.Null(body);
        Assert.Equal(0, host.Calls);
    }

    [Fact]
    public async Task AFunctionKey_IsJudgedByTheHost_OncePerFiveMinutes_InTheHeaderOrTheQuery()
    {
        var access = Access();
        var first = Call(key: "good-key");
        Assert.Null(await access.RefuseAsync(first.Request, DeskRole.Publisher, default));
        Assert.Equal(Actor.Key(), RequestActor.Of(first.Request));

        Assert.Null(await access.RefuseAsync(Call(code: "good-key").Request, DeskRole.Publisher, default));
        Assert.Equal(1, host.Calls);

        var wrong = Call(key: "guess");
        var (status, _) = await Answer(await access.RefuseAsync(wrong.Request, DeskRole.Editor, default), wrong);
        Assert.Equal(401, status);
        Assert.Equal(2, host.Calls);
    }

    [Fact]
    public async Task AKey_WhenTheHostCannotBeAsked_Is503_NeitherLetInNorCalledWrong()
    {
        host.Down = true;
        var context = Call(key: "good-key");
        var (status, body) = await Answer(await Access().RefuseAsync(context.Request, DeskRole.Editor, default), context);
        Assert.Equal(503, status);
        Assert.Equal("access_unavailable", body!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnEditorsToken_LetsInEditorCalls_NamingThePersonForTheAudit()
    {
        var context = Call(bearer: entra.Token(roles: ["Editor"]));
        Assert.Null(await Access().RefuseAsync(context.Request, DeskRole.Editor, default));
        var actor = RequestActor.Of(context.Request);
        Assert.Equal(new Actor("Amina Qureshi", "0b5f6c1e-1111-2222-3333-444455556666", Actor.UserKind), actor);
        Assert.Equal(0, host.Calls);
    }

    [Fact]
    public async Task AnEditorsToken_OnAPublisherCall_Is403_SayingWhichRoleIsMissing()
    {
        var context = Call(bearer: entra.Token(roles: ["Editor"]));
        var (status, body) = await Answer(await Access().RefuseAsync(context.Request, DeskRole.Publisher, default), context);
        Assert.Equal(403, status);
        Assert.Equal("forbidden", body!.Value.GetProperty("code").GetString());
        Assert.Contains("Publisher role", body.Value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task APublishersToken_MayDoWhatAnEditorMay()
    {
        Assert.Null(await Access().RefuseAsync(Call(bearer: entra.Token(roles: ["Publisher"])).Request, DeskRole.Publisher, default));
        Assert.Null(await Access().RefuseAsync(Call(bearer: entra.Token(roles: ["Publisher"])).Request, DeskRole.Editor, default));
    }

    [Fact]
    public async Task ATokenWithNoRole_Is403()
    {
        var context = Call(bearer: entra.Token(roles: []));
        var (status, _) = await Answer(await Access().RefuseAsync(context.Request, DeskRole.Editor, default), context);
        Assert.Equal(403, status);
    }

    public static TheoryData<string, string> BadTokens() =>
        new()
        {
            { "expired", "the sign-in has expired" },
            { "other audience", "the token is for another application" },
            { "other issuer", "the token is from another tenant or issuer" },
            { "other tenant id", "the token names no person of this tenant" },
            { "forged signature", "the token's signature does not verify" },
            { "not a token", "the bearer token is not a JSON web token" },
        };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ABadToken_Is401_WithTheReasonInWwwAuthenticateAndTheBody(string kind, string reason)
    {
        var token = kind switch
        {
            "expired" => entra.Token(expires: DateTime.UtcNow.AddMinutes(-10)),
            "other audience" => entra.Token(audience: "api://someone-else"),
            "other issuer" => entra.Token(issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            "other tenant id" => entra.Token(tenant: "another-tenant"),
            "forged signature" => entra.Token(signedByStranger: true),
            _ => "not-a-jwt",
        };
        var context = Call(bearer: token);
        var (status, body) = await Answer(await Access().RefuseAsync(context.Request, DeskRole.Editor, default), context);
        Assert.Equal(401, status);
        Assert.Equal(reason, body!.Value.GetProperty("message").GetString());
        Assert.Contains("invalid_token", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task AToken_WhenSignInIsNotConfigured_Is401_SayingSo()
    {
        var context = Call(bearer: entra.Token());
        var (status, body) = await Answer(await Access(withEntra: false).RefuseAsync(context.Request, DeskRole.Editor, default), context);
        Assert.Equal(401, status);
        Assert.Contains("not configured", body!.Value.GetProperty("message").GetString());
    }

    [Fact]
    public void KeyCheckAddress_IsTheAppsOwnHostName_InAzure()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WEBSITE_HOSTNAME"] = "func-abc.azurewebsites.net" }).Build();
        var check = new HostKeyCheck(Microsoft.Extensions.Options.Options.Create(new AccessOptions()), configuration, TimeProvider.System);
        Assert.Equal(new Uri("https://func-abc.azurewebsites.net/api/access/key"), check.Address);
    }
}
