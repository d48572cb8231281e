using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline articles unpublish &lt;id&gt;</c>: takes an article down (its page answers 410, its short link is archived).</summary>
public sealed class ArticlesUnpublishCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ArticleIdSettings>(console, environment, http)
{
    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await CallAsync(scope, HttpMethod.Delete, "api/articles/" + PipelineApi.Segment(scope.Settings.Id), null, article =>
        {
            scope.Output.Line($"[green]✔[/] Unpublished [bold]{Markup.Escape(article.Str("headline") ?? scope.Settings.Id)}[/]");
            if (article.Str("url") is { } url)
            {
                scope.Output.Line($"  {Markup.Escape(url)} now says the article was removed (410); its short link is archived.");
            }
        }, cancellationToken);
        return ExitCodes.Ok;
    }
}
