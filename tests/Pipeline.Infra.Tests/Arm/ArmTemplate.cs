using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Arm;

/// <summary>A compiled template with its nested deployments (Bicep modules) flattened into one list of resources.</summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root, JsonObject? parameters)
    {
        Root = root;
        Resources = Walk(new ArmScope(root, parameters, null), null).ToList();
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>The template; <paramref name="parameters"/> (name to value) stand in for the defaults of the top-level parameters.</summary>
    public static ArmTemplate Parse(string json, JsonObject? parameters = null) => new((JsonObject)JsonNode.Parse(json)!, parameters);

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one resource of a type, for types the template declares once.</summary>
    public ArmResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>The Bicep module deployment with this name.</summary>
    public ArmResource Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(d => d.Json["name"]?.GetValue<string>() == name);

    private static IEnumerable<ArmResource> Walk(ArmScope scope, ArmResource? module)
    {
        // Bicep emits an array, or an object keyed by symbolic name for language version 2.0.
        var resources = scope.Template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

        // An existing resource (language version 2.0 lists them too) is only a reference: nothing is deployed.
        foreach (var json in resources.Where(r => r["existing"]?.GetValue<bool>() != true))
        {
            var resource = new ArmResource(json, scope, module);
            yield return resource;
            if (resource.Type == "Microsoft.Resources/deployments" && json["properties"]?["template"] is JsonObject nested)
            {
                var child = new ArmScope(nested, json["properties"]?["parameters"] as JsonObject, scope);
                foreach (var inner in Walk(child, resource))
                {
                    yield return inner;
                }
            }
        }
    }
}
