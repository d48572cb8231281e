using System.Text;
using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class StructuredParsersTests
{
    private static ParseResult Parse(IArticleParser parser, string fixture) =>
        parser.Parse(Fixtures.Read(fixture), Fixtures.Context(Path.GetFileName(fixture)));

    private static ParseResult Parse(IArticleParser parser, string text, string name) =>
        parser.Parse(Encoding.UTF8.GetBytes(text), Fixtures.Context(name));

    [Fact]
    public void Markdown_FullFrontMatter_ReadsEveryField()
    {
        var result = Parse(new MarkdownArticleParser(), "Markdown/full-front-matter.md");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Desalination plant opens on Red Sea coast", article.Headline);
        Assert.Equal("desalination-plant-red-sea", article.Slug);
        Assert.Equal("saudi-arabia", article.Section);
        Assert.Equal(["water", "energy", "Red Sea"], article.Tags);
        Assert.Equal(["The plant produces 600,000 cubic meters of water a day", "It runs on solar power during daylight hours"], article.Summary);
        Assert.Equal("https://cdn.example/plant.jpg", article.ImageUrl);
        Assert.Equal("The plant seen from the air on Monday.", article.Caption);
        Assert.Equal("SPA", article.ImageCredit);
        Assert.Equal("Lina Farouk", article.Byline);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero), article.Updated);
        Assert.False(article.Draft);
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 3, 0, 0, TimeSpan.Zero), article.PublishAt);
        Assert.Equal("desal-2025-03", article.Id);
        Assert.Equal("JEDDAH", article.Dateline);
        Assert.Equal(
        [
            "A desalination plant that runs on solar power by day opened on Monday on the Red Sea coast.",
            "The plant, built in two years, serves about two million people.",
            "What it costs",
            "Construction cost $1.2 billion",
            "Running costs fell by a third",
            "“This is a model for the region,” the minister said.",
            "Water prices will not change.",
        ], article.Paragraphs);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("script", StringComparison.Ordinal));
        Assert.Contains(article.Warnings, w => w.Contains("raw HTML", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_NoFrontMatter_TakesTheFirstHeadingAsTitle()
    {
        var result = Parse(new MarkdownArticleParser(), "Markdown/heading-title-no-front-matter.md");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Bus lanes open on Riyadh ring road", article.Headline);
        Assert.Equal("RIYADH", article.Dateline);
        Assert.Equal(["Dedicated bus lanes opened on the eastern ring road on Sunday.", "Buses run every ten minutes."], article.Paragraphs);
    }

    [Fact]
    public void Markdown_NoTitleAnywhere_FailsWithReason()
    {
        var result = Parse(new MarkdownArticleParser(), "---\nauthor: X\n---\nJust text.\n", "a.md");

        Assert.StartsWith(ParseResult.NoArticle, Assert.Single(result.Errors));
    }

    [Fact]
    public void Markdown_PageTextSavedAsMd_IsReadAsPageText()
    {
        var text = "Headline of a page\nUpdated 2 hours ago\nFollow\nHeadline of a page\n  • Point\nDUBAI: Body.\n";

        var article = Assert.Single(Parse(new MarkdownArticleParser(), text, "page.md").Articles);

        Assert.Equal("Headline of a page", article.Headline);
        Assert.Equal(["Point"], article.Summary);
        Assert.Equal("DUBAI", article.Dateline);
    }

    [Fact]
    public void Markdown_InlineImage_BecomesTheImageNotText()
    {
        var text = "# Title\n\n![Crowds at the stadium](https://cdn.example/crowd.jpg)\n\nKARACHI: Body.\n";

        var article = Assert.Single(Parse(new MarkdownArticleParser(), text, "a.md").Articles);

        Assert.Equal("https://cdn.example/crowd.jpg", article.ImageUrl);
        Assert.Equal(["Body."], article.Paragraphs);
        Assert.Equal("KARACHI", article.Dateline);
    }

    [Fact]
    public void Markdown_YamlAliasBomb_IsReadWithoutBlowingUp()
    {
        var yaml = new StringBuilder("---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        yaml.Append("tags: *j\n---\nBody text.\n");

        var result = Parse(new MarkdownArticleParser(), yaml.ToString(), "bomb.md");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Bomb", article.Headline);
        Assert.True(article.Tags.Count <= 1000);
    }

    [Fact]
    public void Markdown_DeeplyNestedQuotes_FailsWithReasonInsteadOfCrashing()
    {
        var text = "---\ntitle: Deep\n---\n" + new string('>', 5000) + " text\n";

        var result = Parse(new MarkdownArticleParser(), text, "deep.md");

        Assert.False(result.Succeeded);
        Assert.Contains("nested too deeply", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("*a ")]
    public void Markdown_ThousandsOfUnmatchedMarkers_FailsFastWithReason(string marker)
    {
        // Markdig takes seconds (quadratic) on 20 000 unmatched openers in one paragraph.
        var text = "---\ntitle: Markers\n---\n" + string.Concat(Enumerable.Repeat(marker, 20_000)) + "\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = Parse(new MarkdownArticleParser(), text, "markers.md");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Contains("brackets, asterisks or underscores", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_BrokenYaml_FailsWithLineNumber()
    {
        var result = Parse(new MarkdownArticleParser(), "---\ntitle: [unclosed\n---\nText.\n", "bad.md");

        Assert.StartsWith("the front matter is not valid YAML", Assert.Single(result.Errors));
    }

    [Fact]
    public void Json_ArrayOfArticles_ReadsValidOnesAndWarnsAboutTheRest()
    {
        var result = Parse(new JsonArticleParser(), "Json/array.json");

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Articles.Count);
        var first = result.Articles[0];
        Assert.Equal("Port of Gwadar handles first transit cargo", first.Headline);
        Assert.Equal("pakistan", first.Section);
        Assert.Equal(["ports", "trade"], first.Tags);
        Assert.Equal("AFP/File", first.ImageCredit);
        Assert.Equal("GWADAR", first.Dateline);
        Assert.Equal(["The port handled its first transit cargo on Friday.", "Officials called it a milestone."], first.Paragraphs);
        Assert.True(first.UpdatedIsApproximate);
        Assert.Equal(Fixtures.UploadedAt.AddHours(-2), first.Updated);

        var second = result.Articles[1];
        Assert.True(second.Draft);
        Assert.Equal("KARACHI", second.Dateline);
        Assert.Equal(["The weather office issued a heatwave warning on Saturday.", "Temperatures may reach 45 degrees."], second.Paragraphs);

        Assert.Equal(["item 3 was skipped: it has no title", "item 4 was skipped: it is not an object"], result.Warnings);
    }

    [Fact]
    public void Json_SingleObject_IsOneArticle()
    {
        var result = Parse(new JsonArticleParser(), "{\"headline\": \"One\", \"body\": \"DUBAI: Text.\"}", "one.json");

        Assert.Equal("One", Assert.Single(result.Articles).Headline);
    }

    [Theory]
    [InlineData("{\"title\": \"x\", ", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public void Json_Broken_FailsWithReason(string text, string reason)
    {
        var result = Parse(new JsonArticleParser(), text, "bad.json");

        Assert.StartsWith(reason, Assert.Single(result.Errors));
    }

    [Fact]
    public void Json_DeeplyNested_FailsWithDepthReason()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var result = Parse(new JsonArticleParser(), text, "deep.json");

        Assert.Contains("nested more than", Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
