using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>One run of the command line in this process, on Spectre's test console, as a person or a script would run it.</summary>
public sealed record CliRun(int ExitCode, string Output)
{
    /// <summary>Wide enough that no URL or JSON line is wrapped.</summary>
    public const int ConsoleWidth = 400;

    /// <summary>Runs <paramref name="args"/> with <paramref name="settings"/> as the environment, in a folder outside any checkout.</summary>
    public static Task<CliRun> RunAsync(IDictionary<string, string?> settings, bool interactive, params string[] args) =>
        RunAsync(settings, interactive, null, args);

    /// <summary>As above, signed in to Azure Resource Manager as <paramref name="credential"/> (a stand-in's).</summary>
    public static async Task<CliRun> RunAsync(IDictionary<string, string?> settings, bool interactive, Azure.Core.TokenCredential? credential, string[] args)
    {
        using var console = new TestConsole().Width(ConsoleWidth);
        if (interactive)
        {
            console.Interactive();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exitCode = await PipelineCli.RunAsync(args, new CliEnvironment(configuration, Path.GetTempPath()) { Credential = credential }, console);
        return new CliRun(exitCode, console.Output);
    }

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Output);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The URLs printed after a label (<c>page</c>, <c>short</c>), in order.</summary>
    public IReadOnlyList<Uri> Urls(string label) =>
        Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(label + " ", StringComparison.Ordinal))
            .Select(l => new Uri(l[label.Length..].Trim())).ToList();

    public override string ToString() => $"exit {ExitCode}:{Environment.NewLine}{Output}";
}
