using System.Text.Json;

namespace Pipeline.Cli.Output;

/// <summary>One article's facts for people.</summary>
public static class ArticleView
{
    public static void Write(CliOutput output, JsonElement article) => output.Write(new FactGrid()
        .Add("headline", article.Str("headline"))
        .Add("id", article.Str("id"))
        .Add("state", article.Str("state"))
        .Add("section", article.Str("section"))
        .Add("tags", string.Join(", ", article.Items("tags").Select(t => t.GetString())))
        .Add("page", article.Str("url"))
        .Add("short", article.Str("shortUrl"))
        .Add("original short", article.Str("originalShortUrl"))
        .Add("version", $"{article.Int("version")} (live: {article.Int("renderedVersion")})")
        .Add("published", article.Time("publishedAt"))
        .Add("updated", article.Time("updatedAt"))
        .Add("from", article.Str("sourceBlob"))
        .Build());
}
