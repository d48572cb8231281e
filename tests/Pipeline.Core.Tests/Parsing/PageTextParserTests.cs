using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class PageTextParserTests
{
    private static readonly DateTimeOffset UploadedAt = Fixtures.UploadedAt;
    private readonly PageTextParser _parser = new();

    private ParseResult ParseFixture(string name) =>
        _parser.Parse(Fixtures.Read("PageText/" + name), Fixtures.Context(name));

    private ParseResult ParseText(string text) =>
        _parser.Parse(Encoding.UTF8.GetBytes(text), Fixtures.Context("upload.txt"));

    private ParsedArticle Single(string fixture)
    {
        var result = ParseFixture(fixture);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return Assert.Single(result.Articles);
    }

    [Fact]
    public void Parse_SeedSample_YieldsBothArticlesWithTheirFields()
    {
        var path = SampleFile.SeedArticlesPath();
        if (path is null)
        {
            // The shared folder is not beside this checkout; the fixtures below cover the same shapes.
            return;
        }

        var result = _parser.Parse(File.ReadAllBytes(path), new ParseContext("seed-articles.txt", UploadedAt));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Articles.Count);

        var first = result.Articles[0];
        Assert.Equal("Pakistan reviews measures to protect Chinese workers as visiting dignitary raises concerns", first.Headline);
        Assert.StartsWith("In this screengrab, taken from a handout video", first.Caption);
        Assert.EndsWith("undermining investor confidence.", first.Caption);
        Assert.Equal("Photo courtesy: MOI", first.ImageCredit);
        Assert.Null(first.OriginalShortUrl);
        Assert.Equal("22 June 2024", first.UpdatedText);
        Assert.Equal(new DateTimeOffset(2024, 6, 22, 0, 0, 0, TimeSpan.Zero), first.Updated);
        Assert.False(first.UpdatedIsApproximate);
        Assert.Equal(2, first.Summary.Count);
        Assert.StartsWith("Liu Jianchao, a prominent Chinese minister", first.Summary[0]);
        Assert.StartsWith("Killing of five Chinese nationals", first.Summary[1]);
        Assert.Equal("ISLAMABAD", first.Dateline);
        Assert.StartsWith("Interior Minister Mohsin Naqvi held a meeting on Saturday", first.Paragraphs[0]);
        Assert.Equal("Chinese interests are mostly under attack primarily by ethnic militants seeking to push Beijing out of mineral-rich Balochistan.", first.Paragraphs[^1]);
        Assert.Equal(13, first.Paragraphs.Count);
        Assert.Equal("printed again below the header", first.HeadlineBasis);
        Assert.Empty(first.ReviewReasons);

        var second = result.Articles[1];
        Assert.Equal("Pakistan defense minister discusses regional, global developments with counterparts in Munich", second.Headline);
        Assert.Null(second.Caption);
        Assert.Null(second.OriginalShortUrl);
        Assert.Equal("5 sec ago", second.UpdatedText);
        Assert.True(second.UpdatedIsApproximate);
        Assert.Equal(UploadedAt.AddSeconds(-5), second.Updated);
        Assert.Equal(2, second.Summary.Count);
        Assert.Equal("ISLAMABAD", second.Dateline);
        Assert.StartsWith("Pakistan’s Defense Minister Khawaja Asif on Friday met", second.Paragraphs[0]);
        Assert.StartsWith("“If it makes sense to talk, we are willing to talk,”", second.Paragraphs[^1]);
        Assert.Contains(second.Paragraphs, p => p.Contains("an appeal to Washington: “Let’s repair", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BreadcrumbsShortLinkAndTrailer_ReadsEveryHeaderField()
    {
        var article = Single("breadcrumbs-shortlink-trailer.txt");

        Assert.Equal("Kurdish region reopens oil pipeline after two-year halt", article.Headline);
        Assert.Equal("Workers inspect valves at a pumping station near Irbil on July 9, 2025, a day before exports were due to resume through the Turkish port of Ceyhan.", article.Caption);
        Assert.Equal("AFP/File", article.ImageCredit);
        Assert.Equal("https://arab.news/4k7pz", article.OriginalShortUrl);
        Assert.Equal("09 August 2023", article.UpdatedText);
        Assert.Equal(new DateTimeOffset(2023, 8, 9, 0, 0, 0, TimeSpan.Zero), article.Updated);
        Assert.Equal(["Exports of about 185,000 barrels a day are expected once pressure tests end", "Baghdad and Irbil agreed on revenue sharing after months of talks"], article.Summary);
        Assert.Equal("Arab News", article.Edition);
        Assert.Equal("Samir Haddad", article.Byline);
        Assert.Equal(new DateTimeOffset(2021, 5, 25, 23, 51, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("IRBIL, IRAQ", article.Dateline);
        Assert.StartsWith("The semi-autonomous Kurdistan region said", article.Paragraphs[0]);
        Assert.Equal(5, article.Paragraphs.Count);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Parse_HeadlineTwiceAndLinkWithoutBlankLine_KeepsLinkAndCaptionWithoutCredit()
    {
        var article = Single("headline-twice-link-no-blank.txt");

        Assert.Equal("Aid convoys reach flooded villages in northeast Syria", article.Headline);
        Assert.Equal("Residents wade through water in a village outside Hasakeh", article.Caption);
        Assert.Null(article.ImageCredit);
        Assert.Equal("https://arab.news/p2x8q", article.OriginalShortUrl);
        Assert.Equal("18 min 33 sec ago", article.UpdatedText);
        Assert.Equal(UploadedAt - new TimeSpan(0, 18, 33), article.Updated);
        Assert.True(article.UpdatedIsApproximate);
        Assert.Empty(article.Summary);
        Assert.Equal("HASAKEH, Syria", article.Dateline);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void Parse_CrlfWithBom_ReadsTheSameAsLf()
    {
        var lf = Single("headline-twice-link-no-blank.txt");
        var bytes = Fixtures.Read("PageText/crlf-bom.txt");
        Assert.True(bytes.AsSpan().StartsWith("\uFEFF"u8) && bytes.AsSpan().IndexOf("\r\n"u8) > 0, "the fixture must keep its BOM and CRLF");

        var crlf = Single("crlf-bom.txt");

        Assert.Equal(lf.Headline, crlf.Headline);
        Assert.Equal(lf.Caption, crlf.Caption);
        Assert.Equal(lf.OriginalShortUrl, crlf.OriginalShortUrl);
        Assert.Equal(lf.Dateline, crlf.Dateline);
        Assert.Equal(lf.Paragraphs, crlf.Paragraphs);
    }

    [Fact]
    public void Parse_CreditOnlyLine_GivesCreditAndNoCaption()
    {
        var article = Single("credit-only-no-trailer.txt");

        Assert.Null(article.Caption);
        Assert.Equal("SPA", article.ImageCredit);
        Assert.Equal("2 hours ago", article.UpdatedText);
        Assert.Equal(UploadedAt.AddHours(-2), article.Updated);
        Assert.Equal("LONDON, OCT 26", article.Dateline);
        Assert.StartsWith("A London museum handed back", article.Paragraphs[0]);
        Assert.Equal("Khan: “We have waited a long time for this day.”", article.Paragraphs[1]);
        Assert.Null(article.Byline);
    }

    [Fact]
    public void Parse_UpdatedOnlyInTrailerAndQuoteFirst_TakesTrailerTimeAndFindsNoDateline()
    {
        var article = Single("trailer-updated-no-dateline.txt");

        Assert.Equal("3 days ago", article.UpdatedText);
        Assert.Equal(UploadedAt.AddDays(-3), article.Updated);
        Assert.Equal("Arab News Pakistan", article.Edition);
        Assert.Equal("https://arab.news/zq81m", article.OriginalShortUrl);
        Assert.Equal("PCB", article.ImageCredit.AsSpan()[^3..].ToString());
        Assert.Null(article.Dateline);
        Assert.StartsWith("Khan: “The committee", article.Paragraphs[0]);
        Assert.Contains("no dateline found at the start of the body", article.Warnings);
        Assert.Contains(article.Warnings, w => w.StartsWith("updated time is relative", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RepeatedCaptionAndDatelineOnItsOwnLine_KeepsOneCaptionAndDropsTheDatelineLine()
    {
        var article = Single("repeated-caption-own-line-dateline.txt");

        Assert.Equal("Ministers arrive at the conference center in Jeddah on March 3.", article.Caption);
        Assert.Equal("SPA", article.ImageCredit);
        Assert.Equal("https://arab.news/ab12c", article.OriginalShortUrl);
        Assert.Equal(["Delegations from 22 countries attend the two-day meeting"], article.Summary);
        Assert.Equal("JEDDAH, March 3", article.Dateline);
        Assert.Equal(["Ministers from across the region met on Monday to discuss grain reserves and shipping routes.", "Prices fell."], article.Paragraphs);
    }

    [Fact]
    public void Parse_ThreeArticlesWithBreadcrumbsBetween_SplitsThemAndDropsBreadcrumbs()
    {
        var result = ParseFixture("three-articles.txt");

        Assert.Equal(3, result.Articles.Count);
        var (first, second, third) = (result.Articles[0], result.Articles[1], result.Articles[2]);
        Assert.Equal("Karachi port clears backlog of containers after strike ends", first.Headline);
        Assert.Equal("Reuters", first.ImageCredit);
        Assert.Equal("KARACHI", first.Dateline);
        Assert.Equal("Traders said losses ran into millions of rupees.", first.Paragraphs[^1]);
        Assert.Equal(3, first.Paragraphs.Count);

        Assert.Equal("Rains bring relief to drought-hit Tharparkar", second.Headline);
        Assert.Null(second.Caption);
        Assert.Null(second.OriginalShortUrl);
        Assert.Equal("5 sec ago", second.UpdatedText);
        Assert.Equal("MITHI", second.Dateline);
        Assert.Equal(["Heavy rain fell across the Tharparkar desert on Thursday, filling ponds and wells that had been dry for months.", "Schools closed for the day."], second.Paragraphs);

        Assert.Equal("Senate passes bill on protection of journalists", third.Headline);
        Assert.Equal("1 hour 5 min ago", third.UpdatedText);
        Assert.Equal(UploadedAt - new TimeSpan(1, 5, 0), third.Updated);
        Assert.Equal(["The bill now goes to the president for his signature"], third.Summary);
        Assert.Equal("ISLAMABAD", third.Dateline);
        Assert.Equal(2, third.Paragraphs.Count);
    }

    [Fact]
    public void Parse_UrduArticle_PreservesScriptAndSplitsCaptionlessDateline()
    {
        var article = Single("urdu.txt");

        Assert.Equal("پاکستان اور سعودی عرب کے درمیان تجارتی معاہدے پر دستخط", article.Headline);
        Assert.Equal("وزرائے تجارت ریاض میں ملاقات کر رہے ہیں۔", article.Caption);
        Assert.Equal("ایس پی اے", article.ImageCredit);
        Assert.Equal("ریاض", article.Dateline);
        Assert.StartsWith("پاکستان اور سعودی عرب نے منگل", article.Paragraphs[0]);
    }

    [Fact]
    public void Parse_AgencyCreditAndAuthorInHeader_SeparatesCaptionCreditAndByline()
    {
        var article = Single("agency-credit-author-in-header.txt");

        Assert.Equal("Health workers administer polio drops to a child in Peshawar on Monday", article.Caption);
        Assert.Equal("AP Photo/Anjum Naveed", article.ImageCredit);
        Assert.Equal("Nadia Khan", article.Byline);
        Assert.Equal("arab.news/x7q2m", article.OriginalShortUrl);
        Assert.Equal("1 min 5 sec ago", article.UpdatedText);
        Assert.Equal(["Teams are escorted by police in three districts", "The drive aims to reach 12 million children"], article.Summary);
        Assert.Equal("PESHAWAR", article.Dateline);
        Assert.Equal(
        [
            "Vaccination teams reached remote districts of the province on Monday, officials said.",
            "Updated at 10:30 GMT",
            "Police guarded teams in areas where workers were attacked last year.",
        ], article.Paragraphs);
    }

    [Theory]
    [InlineData("First picture of the day. (AFP)\nSecond picture of the day. (Reuters)", "First picture of the day.", "AFP")]
    [InlineData("A caption copied over\ntwo lines. (SPA)", "A caption copied over two lines.", "SPA")]
    [InlineData("No credit at all on this caption", "No credit at all on this caption", null)]
    public void Parse_CaptionLines_KeepsTheFirstCaptionWithItsCredit(string captionLines, string caption, string? credit)
    {
        var text = $"Headline\n{captionLines}\nShort Url\nUpdated 2 hours ago\nFollow\nHeadline\nDUBAI: Body.\n";

        var article = Assert.Single(ParseText(text).Articles);

        Assert.Equal(caption, article.Caption);
        Assert.Equal(credit, article.ImageCredit);
        Assert.Equal(["Body."], article.Paragraphs);
    }

    [Fact]
    public void Parse_NoHeaderAtAll_ReadsABareArticleHeadlineFirst()
    {
        var result = ParseText("Bare headline for a bare story\n\nKARACHI: First paragraph of the story.\nSecond paragraph.\n");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Bare headline for a bare story", article.Headline);
        Assert.Equal("KARACHI", article.Dateline);
        Assert.Equal(["First paragraph of the story.", "Second paragraph."], article.Paragraphs);
        Assert.Contains("no Updated time found", article.Warnings);
    }

    [Fact]
    public void Parse_HeadlinePrintedTwiceWithoutChrome_StartsAtTheHeadline()
    {
        var result = ParseText("Some earlier page text that is not an article at all and ends here.\nQuiet headline\nQuiet headline\n  • One point\nDUBAI: Body.\n");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Quiet headline", article.Headline);
        Assert.Equal(["One point"], article.Summary);
        Assert.Equal("DUBAI", article.Dateline);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Parse_ShortStoryRightBeforeTheNextHeader_KeepsItsParagraphsOutOfTheCaption()
    {
        var text = "Quiet headline\nQuiet headline\nDUBAI: A short story.\nIt ends here.\nNext headline\nUpdated 1 hour ago\nFollow\nNext headline\nRIYADH: Next story.\n";

        var result = ParseText(text);

        Assert.Equal(2, result.Articles.Count);
        Assert.Null(result.Articles[0].Caption);
        Assert.Equal("DUBAI", result.Articles[0].Dateline);
        Assert.Equal(["A short story.", "It ends here."], result.Articles[0].Paragraphs);
        Assert.Equal("Next headline", result.Articles[1].Headline);
    }

    [Fact]
    public void Parse_ShortLastParagraphBeforeNextHeadline_StaysInTheBody()
    {
        var text = "First headline\nUpdated 2 hours ago\nFollow\nFirst headline\nRIYADH: Long enough first paragraph of the first story, it says.\nShort closing line\n\nSecond headline without a repeat\nUpdated 1 hour ago\nFollow\nDUBAI: The second story.\n";

        var result = ParseText(text);

        Assert.Equal(2, result.Articles.Count);
        Assert.Equal("Short closing line", result.Articles[0].Paragraphs[^1]);
        Assert.Equal("Second headline without a repeat", result.Articles[1].Headline);
        Assert.Null(result.Articles[1].Caption);
        Assert.Equal("DUBAI", result.Articles[1].Dateline);
    }

    [Fact]
    public void Parse_BodyLineStartingWithUpdated_IsNotTakenForTheHeader()
    {
        var result = ParseText("Headline here\nUpdated 22 June 2024\nFollow\nHeadline here\nCAIRO: Text.\nUpdated figures released on Monday showed the economy grew faster than expected.\n");

        var article = Assert.Single(result.Articles);
        Assert.Equal("22 June 2024", article.UpdatedText);
        Assert.Equal("Updated figures released on Monday showed the economy grew faster than expected.", article.Paragraphs[^1]);
    }

    [Theory]
    [InlineData("Short Url\n\nhttps://arab.news/9qmds\n")]
    [InlineData("Short Url\nhttps://arab.news/9qmds\n")]
    [InlineData("Short Url https://arab.news/9qmds\n")]
    [InlineData("Short Url\nhttps://arab.news/9qmds Copy\n")]
    [InlineData("Short Url\narab.news/9qmds\n", "arab.news/9qmds")]
    [InlineData("Short Url\nbit.ly/9qmds\n", "bit.ly/9qmds")]
    public void Parse_ExistingShortLinkShapes_AreKept(string shortUrl, string link = "https://arab.news/9qmds")
    {
        var text = "Headline\nCaption of the picture. (AFP)\n" + shortUrl + "Updated 22 June 2024\nFollow\nHeadline\nDUBAI: Body.\n";

        var article = Assert.Single(ParseText(text).Articles);

        Assert.Equal(link, article.OriginalShortUrl);
        Assert.Equal("Caption of the picture.", article.Caption);
        Assert.Equal(["Body."], article.Paragraphs);
    }

    [Fact]
    public void Parse_NonBreakingSpacesAndZeroWidthCharacters_StillFindTheHeaderWords()
    {
        var text = "\u200BHeadline\u00A0\nShort\u00A0Url\u200B\nUpdated\u00A018\u00A0min\u00A033\u00A0sec ago\n\uFEFFFollow\nHeadline\nDUBAI: Body.\n";

        var article = Assert.Single(ParseText(text).Articles);

        Assert.Equal("Headline", article.Headline);
        Assert.Equal(UploadedAt - new TimeSpan(0, 18, 33), article.Updated);
        Assert.Equal(["Body."], article.Paragraphs);
        Assert.Empty(ParseText(text).Warnings);
    }

    [Fact]
    public void Parse_MarkupInTheText_IsKeptAsTextForTheTemplateToEncode()
    {
        var article = Assert.Single(ParseText("Headline <b>bold</b>\nUpdated 1 hour ago\nFollow\nHeadline <b>bold</b>\nDUBAI: <script>alert(1)</script> text.\n").Articles);

        Assert.Equal("Headline <b>bold</b>", article.Headline);
        Assert.Equal(["<script>alert(1)</script> text."], article.Paragraphs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \r\n\t")]
    public void Parse_EmptyOrBlank_FailsWithEmptyReason(string text)
    {
        var result = ParseText(text);

        Assert.False(result.Succeeded);
        Assert.Equal(["the file is empty"], result.Errors);
    }

    [Fact]
    public void Parse_OnlyBodyText_FailsWithNoArticleReason()
    {
        var result = ParseText("This is one long sentence of running text that ends with a full stop.\n");

        Assert.Equal([ParseResult.NoArticle], result.Errors);
    }

    [Fact]
    public void Parse_Latin1Bytes_FailsWithNotUtf8Reason()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 headline\nBody text.\n");

        var result = _parser.Parse(bytes, Fixtures.Context("latin1.txt"));

        Assert.StartsWith("not UTF-8 text", Assert.Single(result.Errors));
    }
}
