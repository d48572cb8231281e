using Pipeline.Core.Rendering;

namespace Pipeline.Infra.Tests;

/// <summary>The optional Front Door in front of the static website: off unless asked for, and sending the site's headers.</summary>
public sealed class FrontDoorTemplateTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    [Fact]
    public void FrontDoor_IsOffByDefault()
    {
        Assert.False(Infra.Template.Root["parameters"]!["siteFrontDoor"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("[parameters('siteFrontDoor')]", Infra.Template.Module("front-door").Json["condition"]!.ToString());
    }

    [Fact]
    public void FrontDoor_SendsTheCodesContentSecurityPolicyAndTheOtherHeaders()
    {
        Assert.Equal(SitePolicy.ContentSecurityPolicyHeader, Infra.Template.Root["variables"]!["siteContentSecurityPolicy"]!.GetValue<string>());

        var rule = Infra.Template.Single("Microsoft.Cdn/profiles/ruleSets/rules");
        var headers = rule.Json["properties"]!["actions"]!.AsArray()
            .Select(a => a!["parameters"]!["headerName"]!.GetValue<string>())
            .ToList();
        Assert.Equal(["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"], headers);
        Assert.Empty(rule.Json["properties"]!["conditions"]!.AsArray());
    }

    [Fact]
    public void FrontDoor_RouteUsesTheHeaderRulesAndRedirectsToHttps()
    {
        var route = Infra.Template.Single("Microsoft.Cdn/profiles/afdEndpoints/routes").Json["properties"]!;

        Assert.Single(route["ruleSets"]!.AsArray());
        Assert.Equal("Enabled", route["httpsRedirect"]!.GetValue<string>());
        Assert.Equal("HttpsOnly", route["forwardingProtocol"]!.GetValue<string>());
    }
}
