using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>infra/main.bicep as a whole: it builds clean and fits azd.</summary>
public sealed partial class MainBicepTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    [Fact]
    public void Build_ReportsNoWarningsOrErrors()
    {
        Assert.Equal("", Infra.BuildDiagnostics);
    }

    [Fact]
    public void Template_DeploysToTheSubscriptionAndCreatesTheResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", Infra.Template.Root["$schema"]!.ToString(), StringComparison.Ordinal);
        Assert.Single(Infra.Template.OfType("Microsoft.Resources/resourceGroups"));
    }

    [Fact]
    public void Outputs_AreUpperSnakeCaseForAzd()
    {
        var outputs = Infra.Template.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.All(outputs, name => Assert.Matches(UpperSnake(), name));
        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs);
    }

    [Fact]
    public void Parameters_TakeTheAzdEnvironment()
    {
        var parameters = Infra.ReadFile("infra", "main.parameters.json");

        Assert.Contains("\"${AZURE_ENV_NAME}\"", parameters, StringComparison.Ordinal);
        Assert.Contains("\"${AZURE_LOCATION}\"", parameters, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();
}
