using Pipeline.Core.Pictures;

namespace Pipeline.Core.Tests.Pictures;

public sealed class PictureFilesTests
{
    [Fact]
    public void An_article_takes_its_same_named_picture_then_the_numbered_ones_in_number_order()
    {
        string[] names = ["pakistan/story.txt", "pakistan/story-10.jpg", "pakistan/story-2.png", "pakistan/story.jpg", "pakistan/story-1.jpg", "pakistan/story-about.jpg", "pakistan/other.jpg"];

        Assert.Equal(
            ["pakistan/story.jpg", "pakistan/story-1.jpg", "pakistan/story-2.png", "pakistan/story-10.jpg"],
            PictureFiles.PicturesFor("pakistan/story.txt", names));
    }

    [Fact]
    public void A_numbered_name_that_is_an_article_of_its_own_keeps_its_picture()
    {
        string[] names = ["world/summit.md", "world/summit-2.md", "world/summit-2.jpg", "world/summit-1.jpg"];

        Assert.Equal(["world/summit-1.jpg"], PictureFiles.PicturesFor("world/summit.md", names));
        Assert.Equal(["world/summit-2.jpg"], PictureFiles.PicturesFor("world/summit-2.md", names));
        Assert.Equal("world/summit-2.md", PictureFiles.ArticleFor("world/summit-2.jpg", names));
        Assert.Equal("world/summit.md", PictureFiles.ArticleFor("world/summit-1.jpg", names));
    }

    [Theory]
    [InlineData("story.jpg", "story")]
    [InlineData("a/story-3.jpeg", "a/story")]
    [InlineData("a/story-2024-06.jpg", "a/story-2024")]
    [InlineData("a/-1.jpg", "a/-1")]
    public void The_listing_stem_covers_every_name_that_could_go_with_the_file(string name, string stem) =>
        Assert.Equal(stem, PictureFiles.StemOf(name));

    [Fact]
    public void A_picture_before_its_article_has_no_article_yet()
    {
        Assert.Null(PictureFiles.ArticleFor("sport/final.jpg", ["sport/final.jpg", "sport/final-report.txt"]));
        Assert.True(PictureFiles.IsPicture("A/B.JPG"));
        Assert.False(PictureFiles.IsPicture("a/b.svg"));
    }
}

public sealed class ArticlePictureTests
{
    [Fact]
    public void A_picture_survives_its_table_value_and_nonsense_reads_as_none()
    {
        var picture = new Pipeline.Core.Articles.ArticlePicture("abc123", 2400, 1600, [480, 960, 1600], "a/b.jpg");

        Assert.Equal(picture with { Source = string.Empty }, Pipeline.Core.Articles.ArticlePicture.FromCompact(picture.Compact())! with { Widths = picture.Widths });
        Assert.Equal([480, 960, 1600], Pipeline.Core.Articles.ArticlePicture.FromCompact(picture.Compact())!.Widths);
        Assert.Null(Pipeline.Core.Articles.ArticlePicture.FromCompact("abc 0 10 480"));
        Assert.Null(Pipeline.Core.Articles.ArticlePicture.FromCompact("abc 10 10 x"));
        Assert.Null(Pipeline.Core.Articles.ArticlePicture.FromCompact(null));
    }
}
