using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Arm;

/// <summary>
/// Evaluates the part of the ARM template expression language that Bicep emits for names, settings and loops
/// (parameters, variables, format, concat, createObject, union, if, empty, not, length, copyIndex, toLower,
/// subscriptionResourceId, resourceId, member access); anything that needs a deployment (reference, guid, ...) evaluates to <see cref="Unresolved"/>.
/// </summary>
internal sealed class ArmExpression
{
    /// <summary>A value only a real deployment knows.</summary>
    public static readonly JsonNode Unresolved = JsonValue.Create("<unresolved>");

    private readonly string _text;
    private readonly ArmScope _scope;
    private readonly int? _copyIndex;
    private int _position;

    private ArmExpression(string text, ArmScope scope, int? copyIndex)
    {
        _text = text;
        _scope = scope;
        _copyIndex = copyIndex;
    }

    /// <summary>True for <see cref="Unresolved"/>, also where it was copied into an array or object.</summary>
    public static bool IsUnresolved(JsonNode? node) =>
        ReferenceEquals(node, Unresolved) || (node is JsonValue v && v.TryGetValue<string>(out var s) && s == Unresolved.GetValue<string>());

    public static bool IsExpression(string value) =>
        value.StartsWith('[') && value.EndsWith(']') && !value.StartsWith("[[", StringComparison.Ordinal);

    public static JsonNode? Evaluate(string expression, ArmScope scope, int? copyIndex)
    {
        var parser = new ArmExpression(expression[1..^1], scope, copyIndex);
        var value = parser.Parse();
        parser.SkipSpace();
        return parser._position == parser._text.Length ? value : throw new FormatException($"Unexpected text in {expression}");
    }

    private JsonNode? Parse()
    {
        var value = ParsePrimary();
        while (true)
        {
            SkipSpace();
            if (TryTake('.'))
            {
                var member = ReadIdentifier();
                value = value is JsonObject obj && obj.TryGetPropertyValue(member, out var found) ? found?.DeepClone() : Unresolved;
            }
            else if (TryTake('['))
            {
                var index = Parse();
                Expect(']');
                value = (value, index) switch
                {
                    (JsonArray array, JsonValue i) when i.TryGetValue<int>(out var n) => array[n]?.DeepClone(),
                    (JsonObject obj, JsonValue key) when key.TryGetValue<string>(out var k) => obj[k]?.DeepClone(),
                    _ => Unresolved,
                };
            }
            else
            {
                return value;
            }
        }
    }

    private JsonNode? ParsePrimary()
    {
        SkipSpace();
        if (TryTake('\''))
        {
            var text = new StringBuilder();
            while (true)
            {
                var c = _text[_position++];
                if (c == '\'' && !(_position < _text.Length && _text[_position] == '\''))
                {
                    return JsonValue.Create(text.ToString());
                }

                if (c == '\'')
                {
                    _position++;
                }

                text.Append(c);
            }
        }

        if (char.IsAsciiDigit(_text[_position]) || _text[_position] == '-')
        {
            var start = _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            return JsonValue.Create(int.Parse(_text[start.._position], CultureInfo.InvariantCulture));
        }

        var name = ReadIdentifier();
        Expect('(');
        var arguments = new List<JsonNode?>();
        SkipSpace();
        if (!TryTake(')'))
        {
            do
            {
                arguments.Add(Parse());
                SkipSpace();
            }
            while (TryTake(','));
            Expect(')');
        }

        return Call(name, arguments);
    }

    private JsonNode? Call(string name, List<JsonNode?> args)
    {
        var function = name.ToLowerInvariant();

        // Text keeps what is known around an unknown part: account/default/<unresolved> still names the container.
        if (function is not ("format" or "concat" or "resourceid") && args.Any(IsUnresolved))
        {
            return Unresolved;
        }

        return function switch
        {
            "parameters" => _scope.Parameter(Text(args[0])),
            "variables" => _scope.Variable(Text(args[0])),
            "copyindex" => _copyIndex is { } i ? JsonValue.Create(i) : Unresolved,
            "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(args[0]), args.Skip(1).Select(Display).ToArray())),
            "concat" when args.Count > 0 && args.All(a => a is JsonArray) => new JsonArray(args.SelectMany(a => a!.AsArray()).Select(item => item?.DeepClone()).ToArray()),
            "concat" => JsonValue.Create(string.Concat(args.Select(Display))),
            "createarray" => new JsonArray(args.Select(item => item?.DeepClone()).ToArray()),
            "createobject" => new JsonObject(args.Chunk(2).Select(pair => KeyValuePair.Create(Text(pair[0]), pair[1]?.DeepClone()))),
            "union" when args.All(a => a is JsonObject) => new JsonObject(args.Cast<JsonObject>().SelectMany(o => o).GroupBy(p => p.Key).Select(g => KeyValuePair.Create(g.Key, g.Last().Value?.DeepClone()))),
            "tolower" => JsonValue.Create(Text(args[0]).ToLowerInvariant()),
            "if" => Truth(args[0]) ? args[1] : args[2],
            "empty" => JsonValue.Create(args[0] switch { JsonArray a => a.Count == 0, JsonObject o => o.Count == 0, null => true, var v => Display(v).Length == 0 }),
            "not" => JsonValue.Create(!Truth(args[0])),
            "length" => JsonValue.Create(args[0] is JsonArray a ? a.Count : Display(args[0]).Length),
            "subscriptionresourceid" => JsonValue.Create($"/subscriptions/<subscription>/providers/{Text(args[0])}/{string.Join('/', args.Skip(1).Select(Display))}"),
            "resourceid" => ResourceId(args),
            _ => Unresolved,
        };
    }

    /// <summary>
    /// resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', account, 'default', name) in the
    /// deployment's resource group: each name follows its type segment (a leading subscription or group id is not used here).
    /// </summary>
    private static JsonNode ResourceId(List<JsonNode?> args)
    {
        var type = Text(args[0]).Split('/');
        var names = args.Skip(1).Select(Display).ToList();
        var path = new StringBuilder($"/subscriptions/<subscription>/resourceGroups/<resource group>/providers/{type[0]}");
        for (var i = 1; i < type.Length; i++)
        {
            path.Append('/').Append(type[i]).Append('/').Append(i - 1 < names.Count ? names[i - 1] : Unresolved.GetValue<string>());
        }

        return JsonValue.Create(path.ToString());
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static string Display(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static bool Truth(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private string ReadIdentifier()
    {
        SkipSpace();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$' or '#'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw new FormatException($"Expected a name at {_position} in [{_text}]");
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private bool TryTake(char c)
    {
        SkipSpace();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw new FormatException($"Expected '{c}' at {_position} in [{_text}]");
        }
    }
}
