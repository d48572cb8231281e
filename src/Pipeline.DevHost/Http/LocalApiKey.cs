using System.Security.Cryptography;

namespace Pipeline.DevHost.Http;

/// <summary>
/// The management API key of the local host when none is configured: generated once, kept in a git-ignored file of
/// the checkout (<c>.pipeline/api-key</c>) so the command line and scripts can read it. Management stays closed by default.
/// </summary>
public static class LocalApiKey
{
    public const string RelativePath = ".pipeline/api-key";

    public static string LoadOrCreate(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, RelativePath);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, key + Environment.NewLine);
        return key;
    }
}
