using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Rendering;

public sealed class ScriptLanguageTests
{
    [Theory]
    [InlineData("کراچی میں بارش کے بعد سڑکیں زیر آب", "ur")]
    [InlineData("الأمطار الغزيرة تغمر شوارع المدينة", "ar")]
    [InlineData("Flood barrier keeps river town dry", null)]
    [InlineData("Minister meets envoy of الأمم المتحدة in Islamabad to discuss the floods", null)]
    [InlineData("", null)]
    public void Guess_TextInAScript_GivesItsLanguage(string text, string? expected)
    {
        Assert.Equal(expected, ScriptLanguage.Guess(text));
    }

    [Theory]
    [InlineData("ur", true)]
    [InlineData("ar-EG", true)]
    [InlineData("en", false)]
    public void IsRightToLeft_Language_MatchesItsScriptDirection(string language, bool expected)
    {
        Assert.Equal(expected, ScriptLanguage.IsRightToLeft(language));
    }
}
