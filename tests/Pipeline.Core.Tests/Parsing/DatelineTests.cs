using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("ISLAMABAD: Text.", "ISLAMABAD", "Text.")]
    [InlineData("IRBIL, IRAQ: Text.", "IRBIL, IRAQ", "Text.")]
    [InlineData("HASAKEH, Syria: Text.", "HASAKEH, Syria", "Text.")]
    [InlineData("LONDON, OCT 26: Text.", "LONDON, OCT 26", "Text.")]
    [InlineData("JEDDAH, March 3: Text.", "JEDDAH, March 3", "Text.")]
    [InlineData("RAMALLAH, West Bank: Text.", "RAMALLAH, West Bank", "Text.")]
    [InlineData("DERA ISMAIL KHAN: Text.", "DERA ISMAIL KHAN", "Text.")]
    [InlineData("ST. PETERSBURG: Text.", "ST. PETERSBURG", "Text.")]
    [InlineData("BEIRUT/DUBAI: Text.", "BEIRUT/DUBAI", "Text.")]
    [InlineData("WASHINGTON (AP) — Text.", "WASHINGTON (AP)", "Text.")]
    [InlineData("KARACHI:", "KARACHI", "")]
    [InlineData("اسلام آباد: متن", "اسلام آباد", "متن")]
    public void Split_DatelineShapes_SplitsPlaceFromText(string paragraph, string place, string rest)
    {
        var (actualPlace, actualRest) = Dateline.Split(paragraph);

        Assert.Equal(place, actualPlace);
        Assert.Equal(rest, actualRest);
    }

    [Theory]
    [InlineData("Khan: “We will win.”")]
    [InlineData("Imran Khan said: “We will win.”")]
    [InlineData("WATCH: The moment the dam burst.")]
    [InlineData("EXCLUSIVE: Minister speaks.")]
    [InlineData("At 10:30 the meeting began.")]
    [InlineData("See https://example.com for details.")]
    [InlineData("The deal — signed on Monday — takes effect next week.")]
    [InlineData("Q: What happens next?")]
    [InlineData("The following day, Saturday, the minister said: no.")]
    public void Split_NotADateline_ReturnsNull(string paragraph)
    {
        var (place, _) = Dateline.Split(paragraph);

        Assert.Null(place);
    }
}
