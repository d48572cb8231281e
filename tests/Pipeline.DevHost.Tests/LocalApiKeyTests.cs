using Pipeline.DevHost.Http;

namespace Pipeline.DevHost.Tests;

public sealed class LocalApiKeyTests
{
    [Fact]
    public void Resolve_OutsideACheckoutWithoutAConfiguredKey_StillRequiresAKeyAndSaysWhichOne()
    {
        var (key, where) = LocalApiKey.Resolve(configured: null, repositoryRoot: null);

        Assert.True(key.Length >= 32, key);
        Assert.Contains(key, where);
        Assert.NotEqual(key, LocalApiKey.Resolve(null, null).Key);
    }

    [Fact]
    public void Resolve_ConfiguredKey_WinsAndIsNotPrinted()
    {
        var (key, where) = LocalApiKey.Resolve("configured-key-0123456789", repositoryRoot: null);

        Assert.Equal("configured-key-0123456789", key);
        Assert.DoesNotContain(key, where);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_TheKeyFile_IsReadableByItsOwnerOnly_EvenOneAnEarlierVersionLeftOpen()
    {
        var root = Directory.CreateTempSubdirectory("apikey").FullName;

        var created = LocalApiKey.LoadOrCreate(root);
        var path = Path.Combine(root, LocalApiKey.RelativePath);
        var modeAfterCreate = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var loaded = LocalApiKey.LoadOrCreate(root);

        Assert.Equal(created, loaded);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, modeAfterCreate);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
