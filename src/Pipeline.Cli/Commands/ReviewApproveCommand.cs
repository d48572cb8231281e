using System.ComponentModel;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline review approve &lt;id&gt;</c>: publishes a held article, with corrections that stick across re-uploads.</summary>
public sealed class ReviewApproveCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ReviewApproveCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The held article's id (see: pipeline review).")]
        public string Id { get; set; } = string.Empty;

        [CommandOption("--headline <TEXT>")]
        [Description("The right headline.")]
        public string? Headline { get; set; }

        [CommandOption("--summary <LINE>")]
        [Description("A summary line; repeat for several. One empty value clears the summary.")]
        public string[]? Summary { get; set; }

        [CommandOption("--caption <TEXT>")]
        [Description("The lead picture's caption.")]
        public string? Caption { get; set; }

        [CommandOption("--credit <TEXT>")]
        [Description("The lead picture's credit, e.g. AFP.")]
        public string? Credit { get; set; }

        [CommandOption("--byline <TEXT>")]
        [Description("The author(s).")]
        public string? Byline { get; set; }
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var s = scope.Settings;
        var body = new
        {
            headline = s.Headline,
            summary = s.Summary?.Where(line => line.Length > 0).ToArray(),
            caption = s.Caption,
            credit = s.Credit,
            byline = s.Byline,
        };
        await CallAsync(scope, HttpMethod.Post, $"api/articles/{PipelineApi.Segment(s.Id)}/approve", body, article =>
        {
            scope.Output.Line($"[green]✔[/] Approved [bold]{Markup.Escape(article.Str("headline") ?? s.Id)}[/] ({Markup.Escape(article.Str("state") ?? "?")})");
            if (article.Str("url") is { } url)
            {
                scope.Output.Line($"  page   [link]{Markup.Escape(url)}[/] (live within seconds)");
                scope.Output.Line($"  short  [link]{Markup.Escape(article.Str("shortUrl") ?? string.Empty)}[/]");
            }
        }, cancellationToken);
        return ExitCodes.Ok;
    }
}
