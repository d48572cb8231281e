using System.ComponentModel;
using System.Text.Json;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline articles diff &lt;id&gt;</c>: what changed between two versions, word by word (removed struck through in red, added in green).</summary>
public sealed class ArticlesDiffCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ArticlesDiffCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The article's id (see: pipeline articles list).")]
        public string Id { get; set; } = string.Empty;

        [CommandOption("--from <VERSION>")]
        [Description("The older version (default: the one before --to).")]
        public int? From { get; set; }

        [CommandOption("--to <VERSION>")]
        [Description("The newer version (default: the newest).")]
        public int? To { get; set; }
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var query = string.Join('&', new[] { scope.Settings.From is { } f ? $"from={f}" : null, scope.Settings.To is { } t ? $"to={t}" : null }.OfType<string>());
        var path = $"api/articles/{PipelineApi.Segment(scope.Settings.Id)}/diff" + (query.Length > 0 ? "?" + query : string.Empty);
        await CallAsync(scope, HttpMethod.Get, path, null, diff => Show(scope.Output, diff), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement diff)
    {
        var from = diff.Obj("from");
        var to = diff.Obj("to");
        output.Line($"version {from?.Int("version")} → {to?.Int("version")}");
        var changed = diff.Items("fields").Where(f => f.TryGetProperty("changed", out var c) && c.GetBoolean()).ToList();
        if (changed.Count == 0)
        {
            output.Line("[green]✔[/] the two versions read the same");
            return;
        }

        foreach (var field in changed)
        {
            var text = string.Concat(field.Items("spans").Select(span => span.Str("kind") switch
            {
                "added" => $"[green]{Markup.Escape(span.Str("text") ?? string.Empty)}[/]",
                "removed" => $"[red strikethrough]{Markup.Escape(span.Str("text") ?? string.Empty)}[/]",
                _ => Markup.Escape(span.Str("text") ?? string.Empty),
            }));
            output.Line($"[bold]{Markup.Escape(field.Str("field") ?? string.Empty)}[/]");
            output.Line(text);
        }
    }
}
