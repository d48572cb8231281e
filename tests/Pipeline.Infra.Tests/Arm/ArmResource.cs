using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Arm;

/// <summary>A resource of a compiled template, evaluated in the scope of the module that declares it.</summary>
internal sealed class ArmResource(JsonObject json, ArmScope scope, ArmResource? module)
{
    public JsonObject Json { get; } = json;

    public string Type { get; } = json["type"]!.GetValue<string>();

    /// <summary>The module deployment that declares it; null at the top level.</summary>
    public ArmResource? Module { get; } = module;

    /// <summary>The value at a dotted path (e.g. <c>properties.siteConfig.minTlsVersion</c>), evaluated.</summary>
    public JsonNode? Get(string path, int? copyIndex = null)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return scope.Evaluate(node, copyIndex);
    }

    public string? GetString(string path, int? copyIndex = null) =>
        Get(path, copyIndex) is JsonValue v && !ArmExpression.IsUnresolved(v) && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Copy indexes of a resource loop, or a single null for a plain resource.</summary>
    public IEnumerable<int?> Instances()
    {
        if (Json["copy"] is not JsonObject copy)
        {
            return [null];
        }

        var count = scope.Evaluate(copy["count"]);
        return count is JsonValue v && v.TryGetValue<int>(out var n)
            ? Enumerable.Range(0, n).Select(i => (int?)i)
            : throw new InvalidOperationException($"The loop {copy["name"]} has no count known before deployment.");
    }

    /// <summary>Whether the instance is deployed: its condition (Bicep's <c>if</c>) holds, or it has none.</summary>
    public bool IsDeployed(int? copyIndex = null) =>
        Json["condition"] is null || (Get("condition", copyIndex) is JsonValue v && v.TryGetValue<bool>(out var deployed) && deployed);

    /// <summary>The last segment of the name of every instance (a container's own name, not account/default/name).</summary>
    public IEnumerable<string> Names() =>
        Instances().Select(i => GetString("name", i)?.Split('/')[^1] ?? throw new InvalidOperationException($"A {Type} has a name known only at deployment."));

    /// <summary>The module parameter value passed to this deployment, as the parent template writes it.</summary>
    public string? RawParameter(string name) => Json["properties"]?["parameters"]?[name] switch
    {
        JsonObject entry => entry["value"]?.ToString(),
        var conditional => conditional?.ToString(),
    };
}
