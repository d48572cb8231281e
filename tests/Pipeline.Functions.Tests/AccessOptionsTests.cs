using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Functions.Access;

namespace Pipeline.Functions.Tests;

/// <summary>Entra settings half set or malformed stop the app at start with the setting to mend, not at the first sign-in.</summary>
public sealed class AccessOptionsTests
{
    private const string Tenant = "0f0e0d0c-1111-4b4b-8c8c-aabbccddeeff";
    private const string Client = "1a2b3c4d-5555-4f4f-9a9a-112233445566";

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(Tenant, Client, null)]
    [InlineData(Tenant, null, "Access:EntraClientId is not")]
    [InlineData(null, Client, "Access:EntraTenantId is not")]
    [InlineData("common", Client, "'common' is not a directory (tenant) id")]
    [InlineData("contoso.onmicrosoft.com", Client, "is not a directory (tenant) id")]
    [InlineData(Tenant, "api://desk", "'api://desk' is not an application (client) id")]
    public void Settings_AreCheckedAtStart(string? tenant, string? client, string? problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Access:EntraTenantId"] = tenant,
            ["Access:EntraClientId"] = client,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddPipelineFunctions().BuildServiceProvider();

        if (problem is null)
        {
            Assert.Equal(tenant is not null, services.GetRequiredService<IOptions<AccessOptions>>().Value.EntraEnabled);
        }
        else
        {
            var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccessOptions>>().Value);
            Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        }
    }
}
