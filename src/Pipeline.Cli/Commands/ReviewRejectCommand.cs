using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline review reject &lt;id&gt;</c>: turns a held article down; later uploads of it do not bring it back.</summary>
public sealed class ReviewRejectCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ArticleIdSettings>(console, environment, http)
{
    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await CallAsync(scope, HttpMethod.Post, $"api/articles/{PipelineApi.Segment(scope.Settings.Id)}/reject", null, article =>
            scope.Output.Line($"[green]✔[/] Rejected [bold]{Markup.Escape(article.Str("headline") ?? scope.Settings.Id)}[/]: it stays off the site."),
            cancellationToken);
        return ExitCodes.Ok;
    }
}
