using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class CaptionCreditTests
{
    [Theory]
    [InlineData("Soldiers stand guard in Quetta. (AFP/File)", "Soldiers stand guard in Quetta.", "AFP/File")]
    [InlineData("Meeting in Islamabad. (Photo courtesy: MOI)", "Meeting in Islamabad.", "Photo courtesy: MOI")]
    [InlineData("Meeting in Islamabad (SPA).", "Meeting in Islamabad", "SPA")]
    [InlineData("Officials (Photo courtesy: PID (Press Information Department))", "Officials", "Photo courtesy: PID (Press Information Department)")]
    [InlineData("(AFP)", null, "AFP")]
    [InlineData("Reuters/File", null, "Reuters/File")]
    [InlineData("Photo courtesy: Ministry of Interior", null, "Photo courtesy: Ministry of Interior")]
    [InlineData("Prime Minister Shehbaz Sharif (C) speaks", "Prime Minister Shehbaz Sharif (C) speaks", null)]
    [InlineData("The minister greets a visitor (L)", "The minister greets a visitor (L)", null)]
    [InlineData("The old bridge (1932)", "The old bridge (1932)", null)]
    [InlineData("Residents wade through water", "Residents wade through water", null)]
    [InlineData("Soldiers patrol a market in Quetta on Monday. AFP", "Soldiers patrol a market in Quetta on Monday.", "AFP")]
    [InlineData("Soldiers patrol a market in Quetta on Monday. Reuters/Naseer Ahmed", "Soldiers patrol a market in Quetta on Monday.", "Reuters/Naseer Ahmed")]
    [InlineData("Soldiers patrol a market in Quetta on Monday. They left later.", "Soldiers patrol a market in Quetta on Monday. They left later.", null)]
    public void Split_CaptionLines_SeparatesTheCredit(string line, string? caption, string? credit)
    {
        var (actualCaption, actualCredit) = CaptionCredit.Split(line);

        Assert.Equal(caption, actualCaption);
        Assert.Equal(credit, actualCredit);
    }
}
