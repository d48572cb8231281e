using System.ComponentModel;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline articles show &lt;id&gt;</c>: one article's URLs, state and version history.</summary>
public sealed class ArticlesShowCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ArticleIdSettings>(console, environment, http)
{
    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (settings, api, _, output) = scope;
        var found = await api.GetAsync("api/articles/" + PipelineApi.Segment(settings.Id), cancellationToken);
        if (output.IsJson)
        {
            output.WriteJson(found);
            return ExitCodes.Ok;
        }

        var article = found.Obj("article") ?? found;
        ArticleView.Write(output, article);
        var versions = new Table().AddColumns("Version", "At", "Headline", "From");
        foreach (var version in found.Items("versions"))
        {
            versions.AddRow(
                new Text(version.Int("version").ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(version.Time("at")),
                new Text(version.Str("headline") ?? string.Empty),
                new Text(version.Str("sourceBlob") ?? string.Empty));
        }

        output.Write(versions);
        return ExitCodes.Ok;
    }
}
