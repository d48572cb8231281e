namespace Pipeline.Core.Parsing;

/// <summary>
/// The named fields of a structured upload (Markdown front matter or a JSON object), before they become an article.
/// Values are kept as text; <see cref="StructuredArticle"/> reads dates, flags and lists from them.
/// </summary>
internal sealed class ArticleFields
{
    // A field an editor fills by hand never needs more; a file that has more is not an article.
    public const int MaxListItems = 1000;

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string name, string value) => _values[name] = value;

    public void Add(string name, string item)
    {
        if (!_lists.TryGetValue(name, out var list))
        {
            _lists[name] = list = [];
        }

        if (list.Count < MaxListItems)
        {
            list.Add(item);
        }
    }

    /// <summary>A single value; a list given where one value was expected counts by its first item.</summary>
    public string? Get(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }

            if (_lists.TryGetValue(name, out var list) && list.Count > 0)
            {
                return list[0].Trim();
            }
        }

        return null;
    }

    /// <summary>A list; a single value counts as a one-item list, or as comma-separated items when <paramref name="commas"/>.</summary>
    public List<string> List(string name, bool commas = false)
    {
        var items = new List<string>();
        if (_lists.TryGetValue(name, out var list))
        {
            items.AddRange(list);
        }
        else if (_values.TryGetValue(name, out var value))
        {
            items.AddRange(commas ? value.Split(',') : [value]);
        }

        items.RemoveAll(string.IsNullOrWhiteSpace);
        for (var i = 0; i < items.Count; i++)
        {
            items[i] = items[i].Trim();
        }

        return items;
    }
}
