using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Pakistan reviews measures to protect Chinese workers", "pakistan-reviews-measures-to-protect-chinese-workers")]
    [InlineData("Pakistan’s PM visits Riyadh — again!", "pakistans-pm-visits-riyadh-again")]
    [InlineData("Café déjà vu in São Paulo", "cafe-deja-vu-in-sao-paulo")]
    [InlineData("Straße über Łódź, Ærø and İstanbul", "strasse-uber-lodz-aero-and-istanbul")]
    [InlineData("Москва и Киев", "moskva-i-kiev")]
    [InlineData("Αθήνα", "athina")]
    [InlineData("ﬁnal ＡＢＣ", "final-abc")]
    public void From_LatinCyrillicGreek_IsReadableAscii(string headline, string expected)
    {
        Assert.Equal(expected, Slug.From(headline));
    }

    [Fact]
    public void From_Urdu_IsStableShortHash()
    {
        var headline = "پاکستان اور سعودی عرب کے درمیان تجارتی معاہدے پر دستخط";

        var slug = Slug.From(headline);

        Assert.Matches("^a-[0-9a-f]{10}$", slug);
        Assert.Equal(slug, Slug.From(headline));
        Assert.NotEqual(slug, Slug.From("سعودی عرب"));
    }

    [Fact]
    public void From_MostlyArabicWithALatinWord_KeepsTheWordAndAddsHash()
    {
        var slug = Slug.From("2024 عام انتخابات کے نتائج");

        Assert.Matches("^2024-[0-9a-f]{10}$", slug);
    }

    [Fact]
    public void From_VeryLongHeadline_CutsAtAWordWithinTheLimit()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("development", 20)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("development", slug);
        Assert.DoesNotContain("--", slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ??? ...")]
    [InlineData("中文标题")]
    public void From_NothingSpellable_IsStillAValidKey(string headline)
    {
        Assert.Matches("^[a-z0-9-]{3,80}$", Slug.From(headline));
    }
}
