using System.ComponentModel;
using System.Text.Json;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline audit</c>: who did what at the desk or through the API, newest first.</summary>
public sealed class AuditCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<AuditCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandOption("--top <N>")]
        [Description("How many entries (1 to 200).")]
        [DefaultValue(50)]
        public int Top { get; set; } = 50;
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await CallAsync(scope, HttpMethod.Get, $"api/audit?top={scope.Settings.Top}", null, log => Show(scope.Output, log), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement log)
    {
        var entries = log.Items("entries").ToList();
        if (entries.Count == 0)
        {
            output.Line("Nothing recorded yet.");
            return;
        }

        var table = new Table().AddColumns("When", "Who", "Did", "To", "Detail");
        foreach (var entry in entries)
        {
            var who = entry.Str("actorId") is { Length: > 0 } id ? $"{entry.Str("actor")} ({id})" : entry.Str("actor") ?? string.Empty;
            table.AddRow(new Text(entry.Time("at")), new Text(who), new Text(entry.Str("action") ?? string.Empty),
                new Text($"{entry.Str("subjectKind")} {entry.Str("subject")}"), new Text(entry.Str("detail") ?? string.Empty));
        }

        output.Write(table);
    }
}
