using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Arm;

/// <summary>One template in a deployment tree: its parameters (as the parent passes them) and its variables.</summary>
internal sealed class ArmScope(JsonObject template, JsonObject? parameterValues, ArmScope? parent)
{
    public JsonObject Template { get; } = template;

    /// <summary>A value of this template: an expression is evaluated, arrays and objects element by element.</summary>
    public JsonNode? Evaluate(JsonNode? node, int? copyIndex = null) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && ArmExpression.IsExpression(s) => ArmExpression.Evaluate(s, this, copyIndex),
        JsonArray a => new JsonArray(a.Select(item => Detach(Evaluate(item, copyIndex))).ToArray()),
        JsonObject o => EvaluateObject(o, copyIndex),
        _ => node?.DeepClone(),
    };

    // A property loop (Bicep's [for x in list: ...] inside properties) is written as "copy": [{ name, count, input }]
    // next to the other properties; each becomes the array it stands for. Its input sees the loop's index as
    // copyIndex(), in place of an enclosing resource loop's (the templates here nest none).
    private JsonObject EvaluateObject(JsonObject o, int? copyIndex)
    {
        var result = new JsonObject(o.Where(p => !(p.Key == "copy" && p.Value is JsonArray))
            .Select(p => KeyValuePair.Create(p.Key, Detach(Evaluate(p.Value, copyIndex)))));
        if (o["copy"] is JsonArray loops)
        {
            foreach (var loop in loops.OfType<JsonObject>())
            {
                var count = Evaluate(loop["count"], copyIndex) is JsonValue c && c.TryGetValue<int>(out var n) ? n : 0;
                result[loop["name"]!.GetValue<string>()] = new JsonArray(Enumerable.Range(0, count).Select(i => Detach(Evaluate(loop["input"], i))).ToArray());
            }
        }

        return result;
    }

    public JsonNode? Parameter(string name)
    {
        if (parameterValues is not null && parameterValues.TryGetPropertyValue(name, out var given) && parent is null)
        {
            // The top-level template's parameters as a deployment would be given them (CompiledInfra.With).
            return given?.DeepClone();
        }

        if (parameterValues is not null && parameterValues.TryGetPropertyValue(name, out var passed) && parent is not null)
        {
            // Bicep writes { "value": ... }, or one expression that yields it when the value is conditional.
            var entry = passed is JsonObject ? passed : parent.Evaluate(passed);
            return entry is JsonObject wrapper && wrapper.TryGetPropertyValue("value", out var value) ? parent.Evaluate(value) : ArmExpression.Unresolved;
        }

        var declared = Template["parameters"]?[name] as JsonObject;
        return declared is not null && declared.TryGetPropertyValue("defaultValue", out var fallback) ? Evaluate(fallback) : ArmExpression.Unresolved;
    }

    public JsonNode? Variable(string name) =>
        Template["variables"] is JsonObject variables && variables.TryGetPropertyValue(name, out var value) ? Evaluate(value) : ArmExpression.Unresolved;

    // A node can have one parent only; the marker for unresolved values stays a shared instance, so it is copied as text.
    private static JsonNode? Detach(JsonNode? node) =>
        ReferenceEquals(node, ArmExpression.Unresolved) ? JsonValue.Create(ArmExpression.Unresolved.GetValue<string>()) : node?.Parent is null ? node : node.DeepClone();
}
