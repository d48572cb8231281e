using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Tests.Rendering;

public sealed class SearchIndexWriterTests
{
    [Fact]
    public void Shard_CarriesTheBylineAndTheBodysOpening_OnlyWhenTheArticleHasThem()
    {
        var at = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
        var bylined = new ArticleSummary("a1", "Harvest begins early", "2026/03/03/harvest/", "farming", at, at, "Farmers started a week early", "abc",
            Byline: "Sabrina Toppa", Excerpt: "MULTAN: Farmers across southern Punjab began cutting wheat a week early.");
        var plain = bylined with { Id = "a2", Byline = null, Excerpt = null };

        using var shard = JsonDocument.Parse(SearchIndexWriter.Shard([bylined, plain]));

        var articles = shard.RootElement.GetProperty("articles");
        Assert.Equal("Sabrina Toppa", articles[0].GetProperty("b").GetString());
        Assert.StartsWith("MULTAN: Farmers across", articles[0].GetProperty("e").GetString(), StringComparison.Ordinal);
        Assert.False(articles[1].TryGetProperty("b", out _));
        Assert.False(articles[1].TryGetProperty("e", out _));
    }
}
