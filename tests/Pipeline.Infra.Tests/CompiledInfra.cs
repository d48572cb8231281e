using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to ARM JSON by the Bicep CLI from NuGet, with what it is checked against: the built
/// functions.metadata of src/Pipeline.Functions, the azd postdeploy hook and azure.yaml. Compiled once per test run.
/// </summary>
internal sealed class CompiledInfra
{
    private static readonly Lazy<CompiledInfra> Shared = new(() => new CompiledInfra());

    private CompiledInfra()
    {
        RepositoryRoot = FindRepositoryRoot();
        (Template, BuildDiagnostics) = Compile(Path.Combine(RepositoryRoot, "infra", "main.bicep"));
        Functions = LoadFunctionsMetadata(RepositoryRoot);
    }

    public static CompiledInfra Instance => Shared.Value;

    public string RepositoryRoot { get; }

    public ArmTemplate Template { get; }

    /// <summary>The same template as a deployment given these top-level parameter values (the rest keep their defaults).</summary>
    public ArmTemplate With(JsonObject parameters) => ArmTemplate.Parse(Template.Root.ToJsonString(), parameters);

    /// <summary>What <c>bicep build</c> printed: warnings and errors.</summary>
    public string BuildDiagnostics { get; }

    /// <summary>The functions of the built app, as the Functions host in Azure reads them.</summary>
    public JsonArray Functions { get; }

    /// <summary>Every binding of every function, with the function's name.</summary>
    public IEnumerable<(string Function, JsonObject Binding)> Bindings =>
        Functions.OfType<JsonObject>().SelectMany(f => f["bindings"]!.AsArray().OfType<JsonObject>().Select(b => (f["name"]!.GetValue<string>(), b)));

    /// <summary>The function app's settings as the template writes them (values evaluated where known before deployment).</summary>
    public JsonObject AppSettings => (JsonObject)AppSettingsResource.Get("properties")!;

    /// <summary>The same settings as written, expressions unevaluated.</summary>
    public JsonObject RawAppSettings => AppSettingsResource.Json["properties"]!.AsObject();

    private ArmResource AppSettingsResource =>
        Template.OfType("Microsoft.Web/sites/config").Single(c => c.GetString("name")!.EndsWith("/appsettings", StringComparison.Ordinal));

    public string ReadFile(params string[] path) => File.ReadAllText(Path.Combine([RepositoryRoot, .. path]));

    private static (ArmTemplate, string) Compile(string bicepFile)
    {
        var bicep = typeof(CompiledInfra).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        var output = Path.Combine(Path.GetTempPath(), $"pipeline-infra-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo(bicep, ["build", bicepFile, "--outfile", output]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var diagnostics = process.StandardError.ReadToEndAsync();
        var console = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var printed = (console + diagnostics.Result).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({process.ExitCode}):\n{printed}");
        }

        try
        {
            return (ArmTemplate.Parse(File.ReadAllText(output)), printed);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static JsonArray LoadFunctionsMetadata(string root)
    {
        // Same configuration as this test assembly (bin/<Configuration>/net10.0/); the project reference builds it first.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(root, "src", "Pipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsArray();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Pipeline.sln above " + AppContext.BaseDirectory);
    }
}
