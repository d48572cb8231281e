using System.ComponentModel;
using System.Text.Json;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline status [upload]</c>: the recent uploads, or one upload with its articles.</summary>
public sealed class StatusCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<StatusCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "[UPLOAD]")]
        [Description("An upload's name (its blob name, like pakistan/story.txt); without it, the recent uploads.")]
        public string? Upload { get; set; }

        [CommandOption("--top <N>")]
        [Description("How many recent uploads to list (1 to 200).")]
        [DefaultValue(20)]
        public int Top { get; set; } = 20;
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        if (scope.Settings.Upload is { } name)
        {
            var upload = await CallAsync(scope, HttpMethod.Get, PipelineApi.UploadPath(name), null, status =>
            {
                UploadView.Write(scope.Output, name, status, done: status.Str("state") is "published" or "failed" or "waiting");
                scope.Output.Line($"[grey]received {status.Time("receivedAt")}, updated {status.Time("updatedAt")}[/]");
            }, cancellationToken);
            return upload.Str("state") == "failed" ? ExitCodes.Failed : ExitCodes.Ok;
        }

        await CallAsync(scope, HttpMethod.Get, $"api/uploads?top={scope.Settings.Top}", null, list => Show(scope.Output, list), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement list)
    {
        var uploads = list.Items("uploads").ToList();
        if (uploads.Count == 0)
        {
            output.Line("No uploads yet. Publish one with: pipeline upload <file>");
            return;
        }

        var table = new Table().AddColumns("Upload", "State", "Articles", "Updated", "Reason");
        foreach (var upload in uploads)
        {
            table.AddRow(
                new Text(upload.Str("name") ?? string.Empty),
                new Markup(StateMarkup(upload.Str("state"))),
                new Text(upload.Items("articleIds").Count().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(upload.Time("updatedAt")),
                new Text(upload.Str("reason") ?? (upload.Int("warningCount") is > 0 and var n ? $"{n} warnings" : string.Empty)));
        }

        output.Write(table);
    }

    private static string StateMarkup(string? state) => state switch
    {
        "published" => "[green]published[/]",
        "failed" => "[red]failed[/]",
        null => string.Empty,
        _ => $"[yellow]{Markup.Escape(state)}[/]",
    };
}
