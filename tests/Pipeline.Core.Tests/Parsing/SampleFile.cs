namespace Pipeline.Core.Tests.Parsing;

/// <summary>Finds the team's shared sample upload (../shared beside the repository), when that folder exists.</summary>
internal static class SampleFile
{
    public static string? SeedArticlesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "seed-articles.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                candidate = Path.Combine(dir.FullName, "..", "shared", "samples", "seed-articles.txt");
                return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}
