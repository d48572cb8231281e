using Pipeline.Core.Articles;
using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

public sealed class ReadingStatsTests
{
    private static ParsedArticle With(params string[] paragraphs) => new() { Headline = "H", Paragraphs = paragraphs };

    [Fact]
    public void WordCount_BodyParagraphs_CountsWordsAcrossWhiteSpaceAndScripts()
    {
        var article = With("ISLAMABAD  talks\tbegan on  Monday.", "پاکستان اور سعودی عرب");

        Assert.Equal(9, ReadingStats.WordCount(article));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(1000, 5)]
    public void ReadingMinutes_WordCounts_RoundUpAtLeastOneMinute(int words, int minutes)
    {
        var article = With(string.Join(' ', Enumerable.Repeat("word", words)));

        Assert.Equal(minutes, ReadingStats.ReadingMinutes(article));
    }
}
