using Pipeline.DevHost.Site;

namespace Pipeline.DevHost.Tests;

public sealed class StaticSiteTests
{
    [Theory]
    [InlineData("/", new[] { "index.html" })]
    [InlineData("/2026/03/10/story/", new[] { "2026/03/10/story/index.html" })]
    [InlineData("/assets/style.css", new[] { "assets/style.css", "assets/style.css/index.html" })]
    [InlineData("/2026/03/10/story", new[] { "2026/03/10/story", "2026/03/10/story/index.html" })]
    public void Candidates_MapPathsLikeTheStaticWebsiteEndpoint(string path, string[] expected)
    {
        Assert.Equal(expected, StaticSite.Candidates(path));
    }

    [Theory]
    [InlineData("/../secret")]
    [InlineData("/a/../../b")]
    [InlineData("/a/./b")]
    [InlineData("/a\\b")]
    public void Candidates_PathsLeavingTheSite_MapToNothing(string path)
    {
        Assert.Empty(StaticSite.Candidates(path));
    }
}
