using System.Security.Cryptography;

namespace Pipeline.DevHost.Http;

/// <summary>
/// The management API key of the local host. There is always one: the configured <c>DevHost__ApiKey</c>; else a key
/// generated once and kept in a git-ignored file of the checkout (<c>.pipeline/api-key</c>, readable by its owner only)
/// so the command line and scripts can read it; else, outside a checkout, a key for this run only, printed at start.
/// A local host pointed at real storage must never serve management routes to anyone who asks.
/// </summary>
public static class LocalApiKey
{
    public const string RelativePath = ".pipeline/api-key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <returns>The key and a note for the start-up report on where a client finds it.</returns>
    public static (string Key, string Where) Resolve(string? configured, string? repositoryRoot)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return (configured, "the key set in DevHost__ApiKey");
        }

        if (repositoryRoot is not null)
        {
            return (LoadOrCreate(repositoryRoot), $"local key file: {RelativePath}");
        }

        var key = NewKey();
        return (key, $"no checkout here, so a key for this run only: {key}");
    }

    public static string LoadOrCreate(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, RelativePath);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing)
        {
            RestrictToOwner(path);
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = NewKey();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.WriteLine(key);
        }

        RestrictToOwner(path);
        return key;
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>A key file written by an earlier version (or another tool) may be readable by every user of the machine.</summary>
    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
