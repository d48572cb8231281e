namespace Pipeline.Cli.Connection;

/// <summary>Where the API is and which key it takes, from the options, the environment, or the checkout the command runs in.</summary>
public sealed record ApiEndpoint(Uri BaseAddress, string? Key)
{
    /// <summary>Where the local host writes the key it generated (<c>Pipeline.DevHost.Http.LocalApiKey</c>).</summary>
    public const string LocalKeyFile = ".pipeline/api-key";

    private const string SolutionFile = "Pipeline.sln";

    public static ApiEndpoint Resolve(PipelineSettings settings, CliEnvironment environment)
    {
        var api = settings.Api ?? environment.Configuration[CliEnvironment.ApiVariable] ?? PipelineSettings.DefaultApi;
        var baseAddress = new Uri(api.EndsWith('/') ? api : api + "/");
        var key = settings.Key ?? environment.Configuration[CliEnvironment.KeyVariable] ?? LocalKey(environment.CurrentDirectory);
        return new ApiEndpoint(baseAddress, string.IsNullOrWhiteSpace(key) ? null : key.Trim());
    }

    /// <summary>The key file of the checkout around <paramref name="directory"/>: the folder holding Pipeline.sln, or one above.</summary>
    private static string? LocalKey(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                var path = Path.Combine(dir.FullName, LocalKeyFile);
                return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            }
        }

        return null;
    }
}
