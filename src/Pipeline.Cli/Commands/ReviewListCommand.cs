using System.ComponentModel;
using System.Text.Json;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline review</c>: the articles held for an editor's review, with why each was held.</summary>
public sealed class ReviewListCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ReviewListCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandOption("--top <N>")]
        [Description("How many held articles (1 to 200).")]
        [DefaultValue(50)]
        public int Top { get; set; } = 50;

        [CommandOption("--continuation <TOKEN>")]
        [Description("Continue the list where the previous page ended.")]
        public string? Continuation { get; set; }
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var path = $"api/review?top={scope.Settings.Top}"
            + (scope.Settings.Continuation is { Length: > 0 } next ? "&continuation=" + Uri.EscapeDataString(next) : string.Empty);
        await CallAsync(scope, HttpMethod.Get, path, null, page => Show(scope.Output, page), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement page)
    {
        var items = page.Items("items").ToList();
        if (items.Count == 0)
        {
            output.Line("[green]✔[/] Nothing is held for review.");
            return;
        }

        var table = new Table().AddColumns("Id", "Headline", "Why it is held", "From");
        foreach (var article in items)
        {
            table.AddRow(
                new Text(article.Str("id") ?? string.Empty),
                new Text(article.Str("headline") ?? string.Empty),
                new Text(string.Join("\n", article.Items("reviewReasons").Select(r => r.GetString()))),
                new Text(article.Str("sourceBlob") ?? string.Empty));
        }

        output.Write(table);
        output.Line("[grey]Approve (with corrections) or reject: pipeline review approve <id> --headline \"…\" · pipeline review reject <id>[/]");
        if (page.Str("continuation") is { } next)
        {
            output.Line($"[grey]More: add --continuation {Markup.Escape(next)}[/]");
        }
    }
}
