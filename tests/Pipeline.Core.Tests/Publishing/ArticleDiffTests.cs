using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Publishing;

/// <summary>Comparing two versions of an article as an editor reads it: the words that went and came, in place.</summary>
public sealed class ArticleDiffTests
{
    private static string Older(IEnumerable<DiffSpan> spans) => string.Concat(spans.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text));

    private static string Newer(IEnumerable<DiffSpan> spans) => string.Concat(spans.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text));

    [Fact]
    public void OneWordChanged_IsOneRemovedAndOneAddedWord_BetweenSharedText()
    {
        var spans = ArticleDiff.Words("Floods close 40 schools in Sindh", "Floods close 60 schools in Sindh");

        Assert.Equal(
            [new DiffSpan(DiffKind.Same, "Floods close "), new DiffSpan(DiffKind.Removed, "40"), new DiffSpan(DiffKind.Added, "60"), new DiffSpan(DiffKind.Same, " schools in Sindh")],
            spans);
    }

    [Theory]
    [InlineData("", "A new first paragraph.")]
    [InlineData("The port reopened on Friday.", "")]
    [InlineData("KARACHI: Ships waited, then sailed.", "KARACHI: Ships sailed at dawn; pilots returned.")]
    [InlineData("same text", "same text")]
    [InlineData("Zwölf Schiffe — 12 ships", "Elf Schiffe — 11 ships, وصلت")]
    public void ReadingTheSpans_GivesBackBothVersions(string older, string newer)
    {
        var spans = ArticleDiff.Words(older, newer);

        Assert.Equal(older, Older(spans));
        Assert.Equal(newer, Newer(spans));
    }

    [Fact]
    public void Between_MarksOnlyTheFieldsThatChanged()
    {
        var v1 = new ParsedArticle { Headline = "Port reopens", Byline = "Amina Qureshi", Paragraphs = ["Ships sailed.", "Pilots returned."] };
        var v2 = v1 with { Paragraphs = ["Ships sailed at dawn.", "Pilots returned."] };

        var fields = ArticleDiff.Between(v1, v2);

        Assert.Equal(["body"], fields.Where(f => f.Changed).Select(f => f.Field));
        var body = fields.Single(f => f.Field == "body").Spans;
        Assert.Equal("Ships sailed.\n\nPilots returned.", Older(body));
        Assert.Contains(new DiffSpan(DiffKind.Added, " at dawn"), body);
    }
}
