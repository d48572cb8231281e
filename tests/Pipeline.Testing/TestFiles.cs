namespace Pipeline.Testing;

/// <summary>Upload fixtures written by the team, and the shared sample upload when it sits beside the checkout.</summary>
public static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    /// <summary><c>../shared/samples/seed-articles.txt</c> beside the repository, or null where that folder is absent.</summary>
    public static string? SeedSample()
    {
        var root = Pipeline.DevHost.Azurite.RepositoryRoot.Find();
        var candidate = root is null ? null : System.IO.Path.Combine(root, "..", "shared", "samples", "seed-articles.txt");
        return candidate is not null && File.Exists(candidate) ? System.IO.Path.GetFullPath(candidate) : null;
    }
}
