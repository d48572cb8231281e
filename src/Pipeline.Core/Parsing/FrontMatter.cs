using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Core.Parsing;

/// <summary>
/// YAML front matter read from YamlDotNet's event stream rather than deserialised into objects: only top-level
/// scalars and lists of scalars are kept, nesting and event counts are capped, and an alias only ever stands for a
/// value already read, so alias bombs and deep nesting cost no more than the text they are written in.
/// </summary>
internal static class FrontMatter
{
    private const int MaxEvents = 20_000;
    private const int MaxDepth = 32;

    /// <summary>Splits <c>---</c> front matter from the body; no front matter gives null and the whole text.</summary>
    public static (string? Yaml, string Body) Split(string text)
    {
        var start = text.StartsWith("---", StringComparison.Ordinal) ? 3 : -1;
        if (start < 0 || (text.Length > 3 && text[3] is not ('\n' or '\r' or ' ')))
        {
            return (null, text);
        }

        var position = text.IndexOf('\n', start);
        while (position >= 0)
        {
            var lineStart = position + 1;
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart).TrimEnd();
            if (line is "---" or "...")
            {
                return (text[start..lineStart], lineEnd < 0 ? string.Empty : text[(lineEnd + 1)..]);
            }

            position = lineEnd;
        }

        return (null, text);
    }

    /// <summary>Reads the front matter into <paramref name="fields"/>; false with a reason an editor understands.</summary>
    public static bool TryRead(string yaml, ArticleFields fields, out string? problem)
    {
        problem = null;
        var anchors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            var depth = 0;
            var events = 0;
            string? key = null;
            string? listKey = null;
            List<string>? anchoredList = null;
            while (parser.MoveNext())
            {
                if (++events > MaxEvents)
                {
                    problem = "the front matter is too long or too repetitive to be article fields";
                    return false;
                }

                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        problem = "the front matter is nested too deeply";
                        return false;
                    case SequenceStart sequence when depth == 2 && key is not null:
                        (listKey, key) = (key, null);
                        anchoredList = sequence.Anchor.IsEmpty ? null : anchors[sequence.Anchor.Value] = [];
                        break;
                    case SequenceEnd when depth-- == 2:
                        (listKey, anchoredList) = (null, null);
                        break;
                    case MappingStart when depth == 2:
                        // A nested mapping is no article field; its key is forgotten.
                        key = null;
                        break;
                    case MappingEnd:
                        depth--;
                        break;
                    case SequenceStart:
                    case SequenceEnd:
                        break;
                    case Scalar scalar:
                        Take(scalar.Value, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, depth, fields, anchors, ref key, listKey, anchoredList);
                        break;
                    case AnchorAlias alias when anchors.TryGetValue(alias.Value.Value, out var known):
                        if (listKey is not null && depth == 2)
                        {
                            foreach (var item in known)
                            {
                                fields.Add(listKey, item);
                            }
                        }
                        else if (key is not null && depth == 1)
                        {
                            foreach (var item in known)
                            {
                                fields.Add(key, item);
                            }

                            key = null;
                        }
                        else if (depth == 1)
                        {
                            key = known.Count > 0 ? known[0] : null;
                        }

                        break;
                }
            }

            return true;
        }
        catch (YamlException ex)
        {
            problem = $"the front matter is not valid YAML (line {ex.Start.Line}): {ex.Message}";
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet's parser can end in these on some malformed text rather than in a YamlException.
            problem = "the front matter is not valid YAML";
            return false;
        }
    }

    private static void Take(string value, string? anchor, int depth, ArticleFields fields, Dictionary<string, List<string>> anchors,
        ref string? key, string? listKey, List<string>? anchoredList)
    {
        if (anchor is not null)
        {
            anchors[anchor] = [value];
        }

        if (depth == 1 && key is null)
        {
            key = value;
        }
        else if (depth == 1)
        {
            fields.Set(key!, value);
            key = null;
        }
        else if (depth == 2 && listKey is not null)
        {
            fields.Add(listKey, value);
            if (anchoredList is { Count: < ArticleFields.MaxListItems })
            {
                anchoredList.Add(value);
            }
        }
    }
}
