namespace Pipeline.Testing;

/// <summary>Upload fixtures written by the team, and the shared sample upload when it sits beside the checkout.</summary>
public static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    /// <summary>
    /// The two-article fixture as a story of its own: the same story uploaded twice is one article wherever it is
    /// uploaded, so tests that share a host and need their own articles upload this copy, written to a folder of its own
    /// under the fixture's name. Its source short link and a sentence of each body carry <paramref name="tag"/>.
    /// </summary>
    public static string TwoArticlesOwnStory(string tag)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-tests", tag)).FullName;
        var path = System.IO.Path.Combine(folder, "two-articles.txt");
        var text = File.ReadAllText(Path("two-articles.txt"))
            .Replace("https://source.example/7xk2p", $"https://source.example/{tag}", StringComparison.Ordinal)
            .Replace("kept the town centre dry on Tuesday", $"kept the town centre dry on Tuesday ({tag})", StringComparison.Ordinal)
            .Replace("cost the council 14 million", $"cost the council 14 million ({tag})", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>../shared/samples/seed-articles.txt</c> beside the repository, or null where that folder is absent.</summary>
    public static string? SeedSample()
    {
        var root = Pipeline.DevHost.Azurite.RepositoryRoot.Find();
        var candidate = root is null ? null : System.IO.Path.Combine(root, "..", "shared", "samples", "seed-articles.txt");
        return candidate is not null && File.Exists(candidate) ? System.IO.Path.GetFullPath(candidate) : null;
    }
}
