using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline articles show &lt;id&gt;</c>: one article's URLs, state and version history.</summary>
public sealed class ArticlesShowCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ArticleIdSettings>(console, environment, http)
{
    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await CallAsync(scope, HttpMethod.Get, "api/articles/" + PipelineApi.Segment(scope.Settings.Id), null, found =>
        {
            ArticleView.Write(scope.Output, found.Obj("article") ?? found);
            var versions = new Table().AddColumns("Version", "At", "Headline", "From");
            foreach (var version in found.Items("versions"))
            {
                versions.AddRow(
                    new Text(version.Int("version").ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(version.Time("at")),
                    new Text(version.Str("headline") ?? string.Empty),
                    new Text(version.Str("sourceBlob") ?? string.Empty));
            }

            scope.Output.Write(versions);
        }, cancellationToken);
        return ExitCodes.Ok;
    }
}
