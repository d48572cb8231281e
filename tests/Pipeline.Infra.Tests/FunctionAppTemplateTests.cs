using System.Reflection;
using System.Text.Json.Nodes;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Pipeline.Core;
using Pipeline.Functions.Access;
using Pipeline.Infra.Tests.Arm;
using Pipeline.Storage;

namespace Pipeline.Infra.Tests;

/// <summary>The function app in infra/main.bicep: Flex Consumption, .NET 10 isolated, and the settings the code reads.</summary>
public sealed class FunctionAppTemplateTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    private static ArmResource Site => Infra.Template.Single("Microsoft.Web/sites");

    /// <summary>Every storage connection the app uses: the host's own, and each one a binding names.</summary>
    public static TheoryData<string> Connections()
    {
        var connections = Infra.Bindings.Select(b => b.Binding["connection"]?.GetValue<string>()).OfType<string>();
        return new TheoryData<string>(connections.Append("AzureWebJobsStorage").Distinct());
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10OnFlexConsumption()
    {
        var plan = Infra.Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FlexConsumption", plan.GetString("sku.tier"));
        Assert.Equal("FC1", plan.GetString("sku.name"));
        Assert.Equal("functionapp,linux", Site.GetString("kind"));
        Assert.Equal("dotnet-isolated", Site.GetString("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.GetString("properties.functionAppConfig.runtime.version"));
        Assert.All(Infra.Functions, f => Assert.Equal("dotnet-isolated", f!["language"]!.GetValue<string>()));
    }

    [Fact]
    public void FunctionApp_IsHttpsOnlyWithTls12()
    {
        Assert.True(Site.Get("properties.httpsOnly")!.GetValue<bool>());
        Assert.Equal("1.2", Site.GetString("properties.siteConfig.minTlsVersion"));
    }

    [Fact]
    public void FunctionApp_RunsAsItsUserAssignedIdentityAndReadsItsPackageAsIt()
    {
        var identity = Assert.Single(Site.Json["identity"]!["userAssignedIdentities"]!.AsObject());
        var storage = Site.Get("properties.functionAppConfig.deployment.storage")!;

        Assert.Equal("UserAssigned", Site.GetString("identity.type"));
        Assert.Contains("parameters('identityId')", identity.Key, StringComparison.Ordinal);
        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", Site.Json["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["userAssignedIdentityResourceId"]!.ToString());
        var container = Infra.Template.Module("function-app").GetString("properties.parameters.deploymentContainerName.value");
        Assert.Contains(container, Infra.Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").SelectMany(c => c.Names()));
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public void AppSettings_EveryConnection_IsIdentityBased(string connection)
    {
        var settings = Infra.AppSettings;

        foreach (var service in new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "clientId" })
        {
            Assert.True(settings.ContainsKey($"{connection}__{service}"), $"{connection}__{service} is not set");
        }

        Assert.Equal("managedidentity", settings[$"{connection}__credential"]?.GetValue<string>());
        Assert.False(settings.ContainsKey(connection), $"{connection} must not be a connection string: the account has no keys");
    }

    [Fact]
    public void AppSettings_StorageConnection_UsesTheAppsUserAssignedIdentity()
    {
        var connection = StorageConnection.From(Configuration());

        Assert.Null(connection.ConnectionString);
        Assert.NotNull(connection.BlobServiceUri);
        Assert.NotNull(connection.QueueServiceUri);
        Assert.NotNull(connection.TableServiceUri);
        Assert.Equal("[parameters('identityClientId')]", Infra.RawAppSettings[$"{StorageNames.Connection}__clientId"]!.ToString());
        Assert.IsType<ManagedIdentityCredential>(connection.CreateCredential());
    }

    [Fact]
    public void AppSettings_SetEveryPipelineOptionWhoseDefaultIsLocal()
    {
        var defaults = new PipelineOptions();
        var local = typeof(PipelineOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetValue(defaults) is null or Uri { IsLoopback: true })
            .Select(p => $"{PipelineOptions.SectionName}__{p.Name}")
            .ToList();

        Assert.Contains($"{PipelineOptions.SectionName}__{nameof(PipelineOptions.SiteBaseUrl)}", local);
        Assert.All(local, key => Assert.False(string.IsNullOrEmpty(Infra.AppSettings[key]?.ToString()), $"{key} is not set"));
    }

    [Fact]
    public void AppSettings_SiteBaseUrl_IsTheStaticWebsiteEndpointWithoutACustomDomain()
    {
        var passed = Infra.Template.Module("function-app").RawParameter("siteBaseUrl")!;

        // Without a custom domain: Front Door's address when it is on, else the website endpoint.
        Assert.StartsWith("[if(empty(parameters('siteDomain')), if(parameters('siteFrontDoor'), ", passed, StringComparison.Ordinal);
        Assert.Contains("outputs.siteUrl.value", passed, StringComparison.Ordinal);
        Assert.Contains("outputs.webEndpoint.value", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_OmitWhatFlexConsumptionRejects()
    {
        foreach (var rejected in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.False(Infra.AppSettings.ContainsKey(rejected), $"{rejected} is not allowed on Flex Consumption");
        }
    }

    [Fact]
    public void AppSettings_TurnOffTheHostsHomePage_AsTheLocalHostAnswersRoot()
    {
        // The local host answers "/" on the API port with 204; the Functions host does so only with this setting.
        Assert.Equal("true", Infra.AppSettings["AzureWebJobsDisableHomepage"]?.ToString());
    }

    [Fact]
    public void AppSettings_SendTelemetryWithTheAppsIdentity()
    {
        var insights = Infra.Template.Single("Microsoft.Insights/components");

        Assert.True(insights.Get("properties.DisableLocalAuth")!.GetValue<bool>());
        Assert.True(Infra.AppSettings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Equal(
            "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            Infra.RawAppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.ToString());
    }

    [Fact]
    public void AppSettings_DeskEntraSignIn_IsOffByDefault_AndOnWithTheTenantAndClientIds()
    {
        const string Tenant = "0f0e0d0c-1111-4b4b-8c8c-aabbccddeeff";
        const string Client = "1a2b3c4d-5555-4f4f-9a9a-112233445566";
        static AccessOptions Read(JsonObject settings) => new()
        {
            EntraTenantId = settings["Access__EntraTenantId"]?.ToString(),
            EntraClientId = settings["Access__EntraClientId"]?.ToString(),
        };

        var byDefault = Read(Infra.AppSettings);
        var withSignIn = Read((JsonObject)Infra.With(new JsonObject { ["deskEntraTenantId"] = Tenant, ["deskEntraClientId"] = Client })
            .OfType("Microsoft.Web/sites/config").Single(c => c.GetString("name")!.EndsWith("/appsettings", StringComparison.Ordinal)).Get("properties")!);

        Assert.False(byDefault.EntraEnabled);
        Assert.Null(byDefault.Problem());
        Assert.True(withSignIn.EntraEnabled);
        Assert.Null(withSignIn.Problem());
        Assert.Equal((Tenant, Client), (withSignIn.EntraTenantId, withSignIn.EntraClientId));
        // azd fills them from the environment, as it does the domains.
        var parameters = Infra.ReadFile("infra", "main.parameters.json");
        Assert.Contains("\"${PIPELINE_DESK_TENANT_ID=}\"", parameters, StringComparison.Ordinal);
        Assert.Contains("\"${PIPELINE_DESK_CLIENT_ID=}\"", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_HasNoAppServiceAuthentication_TheAppChecksSignInItself()
    {
        // Flex Consumption does not offer App Service authentication (authsettingsV2); a template that set it would
        // fail to deploy, and sign-in is the app's own (Pipeline.Functions.Access).
        Assert.DoesNotContain(Infra.Template.OfType("Microsoft.Web/sites/config"), c => c.GetString("name")!.EndsWith("/authsettingsV2", StringComparison.Ordinal));
    }

    /// <summary>The app settings as configuration, with values only a deployment knows replaced by sample endpoints.</summary>
    private static IConfiguration Configuration()
    {
        var values = Infra.AppSettings.ToDictionary<KeyValuePair<string, JsonNode?>, string, string?>(
            p => p.Key.Replace("__", ":", StringComparison.Ordinal),
            p => ArmExpression.IsUnresolved(p.Value) || p.Value is not JsonValue ? "https://deployment-value.example/" : p.Value.ToString());
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
