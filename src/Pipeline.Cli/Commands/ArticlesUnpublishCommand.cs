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
        var (settings, api, _, output) = scope;
        var article = await api.SendAsync(HttpMethod.Delete, "api/articles/" + PipelineApi.Segment(settings.Id), null, cancellationToken);
        if (output.IsJson)
        {
            output.WriteJson(article);
            return ExitCodes.Ok;
        }

        output.Line($"[green]✔[/] Unpublished [bold]{Markup.Escape(article.Str("headline") ?? settings.Id)}[/]");
        if (article.Str("url") is { } url)
        {
            output.Line($"  {Markup.Escape(url)} now says the article was removed (410); its short link is archived.");
        }

        return ExitCodes.Ok;
    }
}
