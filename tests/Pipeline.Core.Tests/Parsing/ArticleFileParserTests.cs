using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class ArticleFileParserTests
{
    // The parsers in the order AddPipelineCore registers them, so these tests also catch a missing registration.
    private readonly ArticleFileParser _parser = new(new ServiceCollection().AddPipelineCore()
        .Where(d => d.ServiceType == typeof(IArticleParser))
        .Select(d => (IArticleParser)Activator.CreateInstance(d.ImplementationType!)!));

    private static readonly string PageText = "Headline of a story\nUpdated 22 June 2024\nFollow\nHeadline of a story\nDUBAI: Body text.\n";

    [Theory]
    [InlineData("desk/story.txt")]
    [InlineData("desk/story.unknown")]
    [InlineData("desk/story")]
    public void Parse_PageTextByExtensionOrSniffing_ReadsTheArticle(string name)
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(PageText), Fixtures.Context(name));

        Assert.Equal("Headline of a story", Assert.Single(result.Articles).Headline);
    }

    [Fact]
    public void Parse_JsonWithoutExtension_IsSniffed()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes("{\"title\": \"T\", \"body\": [\"Text.\"]}"), Fixtures.Context("upload"));

        Assert.Equal("T", Assert.Single(result.Articles).Headline);
    }

    [Fact]
    public void Parse_WordFileNamedTxt_IsReadAsWordWithAWarning()
    {
        var bytes = WordDocuments.Create(("Title", "Word headline"), (null, "DUBAI: Body."));

        var result = _parser.Parse(bytes, Fixtures.Context("story.txt"));

        Assert.Equal("Word headline", Assert.Single(result.Articles).Headline);
        Assert.Contains(result.Warnings, w => w.Contains(".docx", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SectionFolder_SetsSectionFromBlobName()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(PageText), Fixtures.Context("Pakistan/story.txt"));

        Assert.Equal("pakistan", Assert.Single(result.Articles).Section);
    }

    [Fact]
    public void Parse_OverTheLimit_FailsWithSizesInMegabytes()
    {
        var context = Fixtures.Context("big.txt") with { MaxBytes = 10 * 1024 * 1024 };

        var result = _parser.Parse(new byte[60 * 1024 * 1024], context);

        Assert.Equal(["file is 60 MB; the limit is 10 MB"], result.Errors);
    }

    [Fact]
    public void Parse_BinaryWithUnknownExtension_FailsWithUnknownTypeReason()
    {
        var result = _parser.Parse(new byte[] { 0, 1, 2, 3, 0xFF, 0xFE, 0 }, Fixtures.Context("photo.jpg"));

        Assert.StartsWith("unknown file type '.jpg'", Assert.Single(result.Errors));
    }

    [Fact]
    public void AddPipelineCore_RegistersEveryFormat()
    {
        var formats = new ServiceCollection().AddPipelineCore()
            .Where(d => d.ServiceType == typeof(IArticleParser))
            .Select(d => d.ImplementationType)
            .ToList();

        Assert.Equal([typeof(WordArticleParser), typeof(JsonArticleParser), typeof(MarkdownArticleParser), typeof(PageTextParser)], formats);
    }

    [Fact]
    public void Parse_Empty_FailsWithEmptyReason()
    {
        Assert.Equal(["the file is empty"], _parser.Parse(ReadOnlyMemory<byte>.Empty, Fixtures.Context("a.txt")).Errors);
    }
}
