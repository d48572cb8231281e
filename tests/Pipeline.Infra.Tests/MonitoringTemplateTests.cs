namespace Pipeline.Infra.Tests;

/// <summary>Log Analytics and Application Insights in infra/app/monitoring.bicep: nothing gets in with a shared key.</summary>
public sealed class MonitoringTemplateTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    [Fact]
    public void LogAnalytics_TakesNoSharedKeys()
    {
        var workspace = Infra.Template.Single("Microsoft.OperationalInsights/workspaces");

        // With local auth on, anyone holding a workspace key could write fake audit records next to the storage logs.
        Assert.True(workspace.Get("properties.features.disableLocalAuth")?.GetValue<bool>() == true, "the workspace accepts its shared keys");
    }

    [Fact]
    public void ApplicationInsights_TakesNoSharedKeys()
    {
        Assert.True(Infra.Template.Single("Microsoft.Insights/components").Get("properties.DisableLocalAuth")!.GetValue<bool>());
    }
}
