using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

public sealed class UpdatedTimeTests
{
    private static readonly DateTimeOffset UploadedAt = Fixtures.UploadedAt;

    [Theory]
    [InlineData("5 sec ago", 5)]
    [InlineData("18 min 33 sec ago", 18 * 60 + 33)]
    [InlineData("2 hours ago", 2 * 3600)]
    [InlineData("3 days ago", 3 * 86400)]
    [InlineData("an hour ago", 3600)]
    [InlineData("1 hour 5 mins ago", 3900)]
    [InlineData("just now", 0)]
    [InlineData("a few seconds ago", 2)]
    [InlineData("2 weeks ago", 14 * 86400)]
    public void Resolve_RelativeTime_IsUploadTimeMinusAgeAndApproximate(string text, int seconds)
    {
        var (value, approximate) = UpdatedTime.Resolve(text, UploadedAt);

        Assert.Equal(UploadedAt.AddSeconds(-seconds), value);
        Assert.True(approximate);
    }

    [Theory]
    [InlineData("22 June 2024", 2024, 6, 22, 0, 0)]
    [InlineData("09 August 2023", 2023, 8, 9, 0, 0)]
    [InlineData("May 25, 2021 23:51", 2021, 5, 25, 23, 51)]
    [InlineData("Sept. 3, 2024", 2024, 9, 3, 0, 0)]
    [InlineData("2025-03-03", 2025, 3, 3, 0, 0)]
    [InlineData("22 June 2024 - 17:47", 2024, 6, 22, 17, 47)]
    [InlineData("May 25, 2021, 23:51", 2021, 5, 25, 23, 51)]
    [InlineData("Saturday, 22 June 2024", 2024, 6, 22, 0, 0)]
    public void Resolve_AbsoluteDate_IsExact(string text, int year, int month, int day, int hour, int minute)
    {
        var (value, approximate) = UpdatedTime.Resolve(text, UploadedAt);

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero), value);
        Assert.False(approximate);
    }

    [Theory]
    [InlineData("999999 years ago")]
    [InlineData("soon")]
    [InlineData("5 parsecs ago")]
    public void Resolve_Unreadable_IsNull(string text)
    {
        Assert.Null(UpdatedTime.Resolve(text, UploadedAt).Value);
    }
}
