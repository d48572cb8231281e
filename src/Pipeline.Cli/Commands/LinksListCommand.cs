using System.ComponentModel;
using System.Text.Json;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline links list</c>: short links, newest first.</summary>
public sealed class LinksListCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<LinksListCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandOption("-t|--tag <TAG>")]
        [Description("Only links with this tag.")]
        public string? Tag { get; set; }

        [CommandOption("--top <N>")]
        [Description("How many links (1 to 100).")]
        [DefaultValue(20)]
        public int Top { get; set; } = 20;
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var tag = scope.Settings.Tag is { Length: > 0 } t ? "&tag=" + Uri.EscapeDataString(t) : string.Empty;
        await CallAsync(scope, HttpMethod.Get, $"api/links?top={scope.Settings.Top}{tag}", null, page => Show(scope.Output, page), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement page)
    {
        var table = new Table().AddColumns("Code", "Short URL", "Target", "Created", "Status");
        foreach (var link in page.Items("links"))
        {
            var status = link.Str("archivedAt") is not null ? "[grey]archived[/]"
                : link.Str("expiresAt") is not null ? $"expires {link.Time("expiresAt")}"
                : "[green]active[/]";
            table.AddRow(
                new Text(link.Str("code") ?? string.Empty),
                new Text(link.Str("shortUrl") ?? string.Empty),
                new Text(link.Str("url") ?? string.Empty),
                new Text(link.Time("createdAt")),
                new Markup(status));
        }

        output.Write(table);
    }
}
