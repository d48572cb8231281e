using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Rendering;

/// <summary>
/// The search page's index: one small JSON shard per month and a manifest listing them, newest first, so an edit
/// rewrites one shard and the search script can show recent results before older shards arrive.
/// </summary>
public static class SearchIndexWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary><c>{"articles":[{"h":headline,"p":path,"d":iso date,"t":display date,"s":section,"x":description,"b":byline,"e":excerpt}]}</c></summary>
    public static byte[] Shard(IEnumerable<ArticleSummary> items) => Write(json =>
    {
        json.WriteStartArray("articles");
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("h", item.Headline);
            json.WriteString("p", item.Path);
            json.WriteString("d", SiteText.Iso(item.PublishedAt));
            json.WriteString("t", SiteText.Display(item.PublishedAt));
            json.WriteString("s", SiteText.Humanize(item.Section));
            if (item.Description is not null)
            {
                json.WriteString("x", item.Description);
            }

            if (item.Byline is not null)
            {
                json.WriteString("b", item.Byline);
            }

            if (item.Excerpt is not null)
            {
                json.WriteString("e", item.Excerpt);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary><c>{"shards":["search/2026-03.json", …]}</c>, site-relative, newest month first.</summary>
    public static byte[] Manifest(IEnumerable<string> shardPaths) => Write(json =>
    {
        json.WriteStartArray("shards");
        foreach (var path in shardPaths)
        {
            json.WriteStringValue(path);
        }

        json.WriteEndArray();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var memory = new MemoryStream();
        using (var json = new Utf8JsonWriter(memory, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return memory.ToArray();
    }
}
