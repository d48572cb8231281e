using System.Text.Json;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Tests.Rendering;

public sealed class JsonLdTests
{
    [Fact]
    public void Article_ScriptEndTagInEveryField_StaysInsideItsJsonString()
    {
        const string Payload = "</script><script>alert(1)</script><!-- & ' \"";
        var data = new NewsArticleData("https://news.example/a/", Payload, Payload, ["https://news.example/card.png"], "2026-03-03T10:00:00Z",
            "2026-03-04T10:00:00Z", Payload, Payload, [Payload], "en", Payload, "https://news.example/", "https://news.example/logo.png");

        var json = JsonLd.Article(data);

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Payload, document.RootElement.GetProperty("headline").GetString());
        Assert.Equal(Payload, document.RootElement.GetProperty("author")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Article_UrduHeadline_IsKeptReadableNotEscaped()
    {
        const string Headline = "کراچی میں بارش";
        var data = new NewsArticleData("https://news.example/a/", Headline, null, ["https://news.example/card.png"], "2026-03-03T10:00:00Z",
            "2026-03-03T10:00:00Z", null, "pakistan", [], "ur", "News", "https://news.example/", "https://news.example/logo.png");

        var json = JsonLd.Article(data);

        Assert.Contains(Headline, json, StringComparison.Ordinal);
        Assert.Equal("Organization", JsonDocument.Parse(json).RootElement.GetProperty("author")[0].GetProperty("@type").GetString());
    }
}
