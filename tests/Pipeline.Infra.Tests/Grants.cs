using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests;

/// <summary>One role assignment as a person reads it: who, which built-in role, on what.</summary>
internal sealed record Grant(string Identity, string Role, string Scope)
{
    public override string ToString() => $"{Identity}: {Role} on {Scope}";
}

/// <summary>
/// The role assignments infra/main.bicep deploys, for a deployment given a deployer, two editors and an operator
/// (and, in <see cref="Defaults"/>, for one given none of them).
/// </summary>
internal static partial class Grants
{
    public const string App = "app";
    public const string Deployer = "deployer";
    public const string Editor = "editor";
    public const string Operator = "operator";

    public const string Account = "storage account";
    public const string ApplicationInsights = "Application Insights";

    private static readonly Lazy<IReadOnlyList<Grant>> WithPeople = new(() => Read(CompiledInfra.Instance.With(new JsonObject
    {
        ["principalId"] = "deployer-object-id",
        ["editorPrincipalIds"] = new JsonArray("editor-object-id-1", "editor-object-id-2"),
        ["operatorPrincipalIds"] = new JsonArray("operator-object-id-1"),
    })));

    private static readonly Lazy<IReadOnlyList<Grant>> WithDefaults = new(() => Read(CompiledInfra.Instance.Template));

    /// <summary>Every assignment deployed when the deployer, two editors and one operator are given.</summary>
    public static IReadOnlyList<Grant> All => WithPeople.Value;

    /// <summary>Every assignment deployed with the parameters' defaults (no deployer, editors or operators).</summary>
    public static IReadOnlyList<Grant> Defaults => WithDefaults.Value;

    public static string Container(string name) => $"container {name}";

    public static string Queue(string name) => $"queue {name}";

    public static IEnumerable<Grant> Of(string identity) => All.Where(g => g.Identity == identity);

    /// <summary>Who may change or delete blobs in the container.</summary>
    public static IEnumerable<string> WritersOf(string container) =>
        All.Where(g => g.Scope == Container(container) && Roles.BlobWrite.Contains(Roles.IdOf(g.Role))).Select(g => g.Identity).Distinct().Order();

    private static IReadOnlyList<Grant> Read(ArmTemplate template) =>
        (from assignment in template.OfType("Microsoft.Authorization/roleAssignments")
         from index in assignment.Instances()
         where assignment.IsDeployed(index)
         select new Grant(
             IdentityOf(assignment, index),
             Roles.NameOf(assignment.GetString("properties.roleDefinitionId", index)!.Split('/')[^1]),
             Describe(assignment.GetString("scope", index) ?? assignment.Json["scope"]!.ToString()))).ToList();

    private static string IdentityOf(ArmResource assignment, int? index)
    {
        var raw = assignment.Json["properties"]!["principalId"]!.ToString();
        var value = assignment.GetString("properties.principalId", index);
        return value switch
        {
            null when raw == "[parameters('appPrincipalId')]" => App,
            "deployer-object-id" => Deployer,
            not null when value.StartsWith("editor-object-id", StringComparison.Ordinal) => Editor,
            not null when value.StartsWith("operator-object-id", StringComparison.Ordinal) => Operator,
            _ => $"unknown principal {raw}",
        };
    }

    /// <summary>"container articles", "queue render", "storage account", ... from a scope's resource id.</summary>
    private static string Describe(string scope)
    {
        if (scope.Contains("/providers/Microsoft.Insights/components/", StringComparison.Ordinal))
        {
            return ApplicationInsights;
        }

        var match = StorageScope().Match(scope);
        if (!match.Success)
        {
            return scope;
        }

        return match.Groups["kind"].Value switch
        {
            "" => Account,
            "containers" => Container(match.Groups["name"].Value),
            "queues" => Queue(match.Groups["name"].Value),
            "tables" => $"table {match.Groups["name"].Value}",
            _ => scope,
        };
    }

    [GeneratedRegex("/providers/Microsoft\\.Storage/storageAccounts/[^/]+(/(blob|queue|table)Services/default/(?<kind>containers|queues|tables)/(?<name>[^/]+))?$")]
    private static partial Regex StorageScope();
}
