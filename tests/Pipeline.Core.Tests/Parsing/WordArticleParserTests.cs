using System.Text;
using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class WordArticleParserTests
{
    private readonly WordArticleParser _parser = new();

    private ParseResult Parse(byte[] bytes) => _parser.Parse(bytes, Fixtures.Context("story.docx"));

    [Fact]
    public void Parse_TitleListAndBody_ReadsHeadlineSummaryAndParagraphs()
    {
        var bytes = WordDocuments.Create(
            ("Title", "Metro line two opens in Riyadh"),
            ("Caption", "Passengers board the first train on Sunday. (SPA)"),
            ("List", "The line links the airport with the city center"),
            ("List", "Trains run every four minutes at peak hours"),
            (null, "RIYADH: The second line of the Riyadh Metro opened to passengers on Sunday."),
            ("Heading1", "Fares"),
            (null, "A single journey costs four riyals."));

        var article = Assert.Single(Parse(bytes).Articles);

        Assert.Equal("Metro line two opens in Riyadh", article.Headline);
        Assert.Equal("Passengers board the first train on Sunday.", article.Caption);
        Assert.Equal("SPA", article.ImageCredit);
        Assert.Equal(["The line links the airport with the city center", "Trains run every four minutes at peak hours"], article.Summary);
        Assert.Equal("RIYADH", article.Dateline);
        Assert.Equal(["The second line of the Riyadh Metro opened to passengers on Sunday.", "Fares", "A single journey costs four riyals."], article.Paragraphs);
    }

    [Fact]
    public void Parse_NoHeadingStyles_ReadsPastedPageText()
    {
        var bytes = WordDocuments.Create(
            (null, "Floods close schools in Swat valley"),
            (null, "Updated 2 hours ago"),
            (null, "Follow"),
            (null, "Floods close schools in Swat valley"),
            ("List", "Rivers rose after three days of rain"),
            (null, "PESHAWAR: Authorities closed schools across the Swat valley on Monday."));

        var article = Assert.Single(Parse(bytes).Articles);

        Assert.Equal("Floods close schools in Swat valley", article.Headline);
        Assert.Equal(["Rivers rose after three days of rain"], article.Summary);
        Assert.Equal("PESHAWAR", article.Dateline);
        Assert.True(article.UpdatedIsApproximate);
    }

    [Fact]
    public void Parse_NotAZip_FailsWithReason()
    {
        var result = Parse(Encoding.UTF8.GetBytes("just some text saved as .docx"));

        Assert.StartsWith("not a Word file", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_ZipBomb_IsRefusedBeforeOpening()
    {
        var result = Parse(WordDocuments.Bomb());

        Assert.Contains("zip bomb", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedXml_IsRefusedBeforeOpening()
    {
        var result = Parse(WordDocuments.DeeplyNested());

        Assert.Contains("nested too deeply", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedZip_FailsWithDamagedReason()
    {
        var bytes = WordDocuments.Create(("Title", "Headline"), (null, "Body."));

        var result = Parse(bytes[..(bytes.Length / 2)]);

        Assert.Contains("damaged", Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
