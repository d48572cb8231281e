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

    [Theory]
    [InlineData("http://localhost:7071/abc")]
    [InlineData("http://127.0.0.1.:7071/abc")]
    [InlineData("http://[::1]:7071/abc")]
    [InlineData("http://[::ffff:127.0.0.1]:7071/abc")]
    [InlineData("http://0.0.0.0:7071/abc")]
    [InlineData("http://127.0.0.2:7071/abc")]
    [InlineData("http://LOCALHOST:7071/")]
    public void Check_ServiceItselfUnderAnotherName_IsRefusedAsALoop(string url)
    {
        Assert.Contains("itself", UrlRules.Check(url, new Uri("http://127.0.0.1:7071/")));
    }

    [Theory]
    [InlineData("http://localhost:8080/page")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]/")]
    public void Check_LoopbackTargetOfAPublicService_IsRefused(string url)
    {
        Assert.Contains("this machine", UrlRules.Check(url, ShortBase));
    }

    [Fact]
    public void Check_LocalPageOfALocalService_IsAccepted()
    {
        // On the local host the site is on another port of the same machine: its pages are fair targets.
        Assert.Null(UrlRules.Check("http://127.0.0.1:8080/2026/03/03/story/", new Uri("http://127.0.0.1:7071/")));
    }

    [Fact]
    public void Check_ServiceNameWithATrailingDot_IsRefusedAsALoop()
    {
        Assert.Contains("itself", UrlRules.Check("https://nws.example./x", ShortBase));
    }

    [Theory]
    [InlineData("https://pipeline-app.azurewebsites.net/abc123")]
    [InlineData("http://PIPELINE-APP.azurewebsites.net./abc123")]
    [InlineData("https://pipeline-app.azurewebsites.net:8443/api/links")]
    public void Check_TheAppsDefaultHostNextToACustomDomain_IsALoop(string url)
    {
        Assert.Contains("itself", UrlRules.Check(url, ShortBase, ["pipeline-app.azurewebsites.net"]));
        Assert.Null(UrlRules.Check(url, ShortBase));
    }
}
