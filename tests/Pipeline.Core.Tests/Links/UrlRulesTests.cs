using Pipeline.Core.Links;

namespace Pipeline.Core.Tests.Links;

public sealed class UrlRulesTests
{
    private static readonly Uri ShortBase = new("https://nws.example/");

    [Theory]
    [InlineData("https://example.com/a?b=c#d")]
    [InlineData("http://example.com")]
    [InlineData("  https://example.com/trimmed  ")]
    [InlineData("https://sub.nws.example/elsewhere")]
    public void Check_AbsoluteHttpUrl_IsAccepted(string url)
    {
        Assert.Null(UrlRules.Check(url, ShortBase));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative")]
    [InlineData("relative/path")]
    [InlineData("//example.com/protocol-relative")]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("https://user@example.com/")]
    [InlineData("https://NWS.example/abc")]
    [InlineData("")]
    [InlineData(null)]
    public void Check_UnsafeOrNonAbsoluteUrl_IsRefusedWithAReason(string? url)
    {
        Assert.False(string.IsNullOrWhiteSpace(UrlRules.Check(url, ShortBase)));
    }

    [Theory]
    [InlineData("https://\u0430pple.com/")]
    [InlineData("https://exa\u200Bmple.com/")]
    [InlineData("https://g\u03BFogle.com/")]
    public void Check_LookAlikeOrInvisibleHost_IsRefused(string url)
    {
        Assert.NotNull(UrlRules.Check(url, ShortBase));
    }

    [Fact]
    public void Check_UrlOverTheLengthLimit_IsRefusedWithAReason()
    {
        var url = "https://example.com/?q=" + new string('a', UrlRules.MaxLength);

        Assert.Contains("longer than", UrlRules.Check(url, ShortBase));
    }

    [Theory]
    [InlineData("https://例え.jp/page", "https://xn--r8jz45g.jp/page")]
    [InlineData("https://пример.рф/", "https://xn--e1afmkfd.xn--p1ai/")]
    [InlineData("https://example.com/a b", "https://example.com/a%20b")]
    public void Normalize_UnicodeHost_IsWrittenInPunycode(string url, string expected)
    {
        Assert.Equal(expected, UrlRules.Normalize(url));
    }
}
