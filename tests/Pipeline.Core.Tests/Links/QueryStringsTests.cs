using Pipeline.Core.Links;

namespace Pipeline.Core.Tests.Links;

public sealed class QueryStringsTests
{
    [Theory]
    [InlineData("https://e.com/p", null, "https://e.com/p")]
    [InlineData("https://e.com/p", "", "https://e.com/p")]
    [InlineData("https://e.com/p", "?", "https://e.com/p")]
    [InlineData("https://e.com/p", "?utm_source=x", "https://e.com/p?utm_source=x")]
    [InlineData("https://e.com/p?", "?a=1", "https://e.com/p?a=1")]
    [InlineData("https://e.com/p?id=7", "?utm_source=x", "https://e.com/p?id=7&utm_source=x")]
    [InlineData("https://e.com/p?id=7&utm_source=old", "?utm_source=new", "https://e.com/p?id=7&utm_source=old")]
    [InlineData("https://e.com/p#frag", "?a=1", "https://e.com/p?a=1#frag")]
    [InlineData("https://e.com/p?a=1#frag", "?b=2&&c", "https://e.com/p?a=1&b=2&c#frag")]
    [InlineData("https://e.com/p?flag", "?flag=on", "https://e.com/p?flag")]
    [InlineData("https://www.google.com/url?q=https://site.example/", "?q=https://evil.example/", "https://www.google.com/url?q=https://site.example/")]
    [InlineData("https://site.example/login", "?next=https://evil.example/&utm_source=x", "https://site.example/login?utm_source=x")]
    [InlineData("https://site.example/a", "?Redirect_URI=https://evil.example/", "https://site.example/a")]
    public void Merge_ShortUrlQuery_ReachesTheTarget(string target, string? incoming, string expected)
    {
        Assert.Equal(expected, QueryStrings.Merge(target, incoming));
    }

    [Theory]
    [InlineData("?a=\u0001", "https://e.com/p?a=%01")]
    [InlineData("?a=\u001f&b=\u007f", "https://e.com/p?a=%1F&b=%7F")]
    [InlineData("?a=x\ty", "https://e.com/p?a=x%09y")]
    [InlineData("?s=caf\u00e9", "https://e.com/p?s=caf%C3%A9")]
    public void Merge_RawControlOrNonAsciiCharacters_ArePercentEncoded(string incoming, string expected)
    {
        // A Location header cannot hold them: the redirect threw (500) when a client sent them raw.
        Assert.Equal(expected, QueryStrings.Merge("https://e.com/p", incoming));
    }
}
