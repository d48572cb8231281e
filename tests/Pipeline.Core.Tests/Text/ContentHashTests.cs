using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Parsing;
using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

public sealed class ContentHashTests
{
    private const string Page = "Headline of the story\nUpdated 5 sec ago\nFollow\nHeadline of the story\n  • A point\nDUBAI: First paragraph.\n\nSecond paragraph.\n";

    private static ParsedArticle Parse(string text, DateTimeOffset? uploadedAt = null) =>
        new PageTextParser().Parse(Encoding.UTF8.GetBytes(text), new ParseContext("a.txt", uploadedAt ?? Fixtures.UploadedAt)).Articles.Single();

    [Fact]
    public void Of_WhiteSpaceOnlyEdits_KeepTheHash()
    {
        var original = ContentHash.Of(Parse(Page));

        var respaced = ContentHash.Of(Parse(Page.Replace("\n", "\r\n").Replace("First paragraph.", "First   paragraph. ").Replace("\n\n", "\n\n\n")));
        var singleNewlines = ContentHash.Of(Parse(Page.Replace("\n\n", "\n")));

        Assert.Equal(original, respaced);
        Assert.Equal(original, singleNewlines);
    }

    [Fact]
    public void Of_RelativeUpdatedTimeAtAnotherUpload_KeepsTheHash()
    {
        var first = ContentHash.Of(Parse(Page));

        var later = ContentHash.Of(Parse(Page.Replace("5 sec ago", "7 min ago"), Fixtures.UploadedAt.AddMinutes(7)));

        Assert.Equal(first, later);
    }

    [Theory]
    [InlineData("Second paragraph.", "Second paragraph!")]
    [InlineData("A point", "Another point")]
    [InlineData("Headline of the story", "Headline of the tale")]
    [InlineData("DUBAI:", "RIYADH:")]
    public void Of_TextEdits_ChangeTheHash(string before, string after)
    {
        Assert.NotEqual(ContentHash.Of(Parse(Page)), ContentHash.Of(Parse(Page.Replace(before, after))));
    }

    [Fact]
    public void Of_ParagraphsMergedIntoOne_ChangesTheHash()
    {
        var split = new ParsedArticle { Headline = "H", Paragraphs = ["One two", "three"] };
        var merged = new ParsedArticle { Headline = "H", Paragraphs = ["One two three"] };

        Assert.NotEqual(ContentHash.Of(split), ContentHash.Of(merged));
    }
}
