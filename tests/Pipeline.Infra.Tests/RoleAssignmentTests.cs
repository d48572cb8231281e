using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests;

/// <summary>The roles in infra/app/roles.bicep: what the app's identity may do, given what its triggers need.</summary>
public sealed class RoleAssignmentTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    /// <summary>Role ids assigned to the app's identity on the resource type the scope names.</summary>
    private static IEnumerable<string> AppRoles(string scopeType) => RolesOf("appPrincipalId", scopeType);

    private static IEnumerable<string> RolesOf(string principalParameter, string scopeType) =>
        from assignment in Infra.Template.OfType("Microsoft.Authorization/roleAssignments")
        where assignment.Json["properties"]!["principalId"]!.ToString() == $"[parameters('{principalParameter}')]"
        where assignment.Json["scope"]!.ToString().Contains(scopeType, StringComparison.Ordinal)
        from index in assignment.Instances()
        select assignment.GetString("properties.roleDefinitionId", index)!.Split('/')[^1];

    public static TheoryData<string, string> TriggerRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (function, binding) in Infra.Bindings)
        {
            foreach (var role in Roles.RequiredBy(binding["type"]!.GetValue<string>()))
            {
                data.Add(function, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TriggerRoles))]
    public void AppIdentity_HasTheStorageRoleItsTriggerNeeds(string function, string role)
    {
        Assert.True(AppRoles("Microsoft.Storage/storageAccounts").Contains(role), $"{function} needs role {role} on the storage account");
    }

    [Fact]
    public void AppIdentity_CanWriteTheTablesTheStoresUse()
    {
        Assert.Contains(Roles.StorageTableDataContributor, AppRoles("Microsoft.Storage/storageAccounts"));
    }

    [Fact]
    public void AppIdentity_CanPublishTelemetry()
    {
        Assert.Contains(Roles.MonitoringMetricsPublisher, AppRoles("Microsoft.Insights/components"));
    }

    [Fact]
    public void AppIdentity_HasNoRoleBeyondWhatItsTriggersStoresAndTelemetryNeed()
    {
        var needed = new HashSet<string>(Infra.Bindings.SelectMany(b => Roles.RequiredBy(b.Binding["type"]!.GetValue<string>())))
        {
            Roles.StorageTableDataContributor,
            Roles.MonitoringMetricsPublisher,
        };

        var assigned = AppRoles("Microsoft.Storage/storageAccounts").Concat(AppRoles("Microsoft.Insights/components")).ToHashSet();

        Assert.Equal(needed.Order(), assigned.Order());
    }

    [Fact]
    public void Deployer_MayUploadAndRead_ButNotWriteTablesOrQueues()
    {
        // The doctor's probe is uploaded and deleted (blob contributor); the poison command peeks (queue reader); the
        // doctor sees the tables exist (table reader). Table and queue writes go through the app only.
        Assert.Equal(
            new[] { Roles.StorageBlobDataContributor, Roles.StorageQueueDataReader, Roles.StorageTableDataReader }.Order(),
            RolesOf("deployerPrincipalId", "Microsoft.Storage/storageAccounts").Order());
    }

    [Fact]
    public void AppPrincipal_IsTheIdentityTheFunctionAppRunsAs()
    {
        var principal = Infra.Template.Module("roles").RawParameter("appPrincipalId")!;
        var runsAs = Infra.Template.Module("function-app").RawParameter("identityId")!;

        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", principal, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.principalId.value]", principal, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", runsAs, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_AreNamedByGuidAndScopedToOneResource()
    {
        Assert.All(Infra.Template.OfType("Microsoft.Authorization/roleAssignments"), assignment =>
        {
            Assert.StartsWith("[guid(", assignment.Json["name"]!.ToString(), StringComparison.Ordinal);
            Assert.NotNull(assignment.Json["scope"]);
        });
    }
}
