using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Tests.Rendering;

public sealed class ArticleNeighbourhoodTests
{
    [Fact]
    public void Compose_TagAndSectionNeighbours_GivesPreviousNextAndRelatedWithoutRepeats()
    {
        var section = new ArticleNeighbours([A("s-newer"), A("s-newer-2")], [A("s-older"), A("shared")]);
        var tag = new ArticleNeighbours([A("t-newer"), A("s-newer")], [A("shared"), A("t-older")]);

        var around = ArticleNeighbourhood.Compose("me", section, [tag]);

        Assert.Equal("s-newer", around.Newer!.Id);
        Assert.Equal("s-older", around.Older!.Id);
        Assert.Equal(["shared", "t-newer", "t-older", "s-newer-2"], around.Related.Select(a => a.Id));
    }

    private static ArticleSummary A(string id) => new(id, id, id + "/", "world", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, id);
}
