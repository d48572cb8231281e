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
}
