using Pipeline.Storage;

namespace Pipeline.Storage.Tests;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public void Check_ForbiddenCharacter_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Check(key));
    }

    [Fact]
    public void Check_KeyOver1KiB_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Check(new string('a', 513)));
    }

    [Theory]
    [InlineData("pakistan/story.txt")]
    [InlineData("a#b?c\\d%e")]
    [InlineData("ctrl\u0007name")]
    public void Encode_AnyBlobName_GivesAValidDistinctKey(string name)
    {
        var key = TableKeys.Encode(name);

        Assert.Equal(key, TableKeys.Check(key));
        Assert.NotEqual(TableKeys.Encode(name + "x"), key);
    }

    [Fact]
    public void Encode_VeryLongName_StaysWithinTheLimitAndUnique()
    {
        var a = TableKeys.Encode(new string('a', 1000) + "1");
        var b = TableKeys.Encode(new string('a', 1000) + "2");

        Assert.Equal(a, TableKeys.Check(a));
        Assert.NotEqual(a, b);
    }
}
