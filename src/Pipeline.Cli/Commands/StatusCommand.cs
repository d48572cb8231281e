using System.ComponentModel;
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
        var (settings, api, _, output) = scope;
        if (settings.Upload is { } name)
        {
            var upload = await api.GetAsync(PipelineApi.UploadPath(name), cancellationToken);
            if (output.IsJson)
            {
                output.WriteJson(upload);
            }
            else
            {
                UploadView.Write(output, name, upload, done: upload.Str("state") is "published" or "failed");
                output.Line($"[grey]received {upload.Time("receivedAt")}, updated {upload.Time("updatedAt")}[/]");
            }

            return upload.Str("state") == "failed" ? ExitCodes.Failed : ExitCodes.Ok;
        }

        var list = await api.GetAsync($"api/uploads?top={settings.Top}", cancellationToken);
        if (output.IsJson)
        {
            output.WriteJson(list);
            return ExitCodes.Ok;
        }

        var uploads = list.Items("uploads").ToList();
        if (uploads.Count == 0)
        {
            output.Line("No uploads yet. Publish one with: pipeline upload <file>");
            return ExitCodes.Ok;
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
        return ExitCodes.Ok;
    }

    private static string StateMarkup(string? state) => state switch
    {
        "published" => "[green]published[/]",
        "failed" => "[red]failed[/]",
        null => string.Empty,
        _ => $"[yellow]{Markup.Escape(state)}[/]",
    };
}
