using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline links delete &lt;code&gt;</c>: archives a link; its code stays taken and its redirect answers 410.</summary>
public sealed class LinksDeleteCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<LinkCodeSettings>(console, environment, http)
{
    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await CallAsync(scope, HttpMethod.Delete, "api/links/" + PipelineApi.Segment(scope.Settings.Code), null, link =>
            scope.Output.Line($"[green]✔[/] Archived {Markup.Escape(link.Str("shortUrl") ?? scope.Settings.Code)}: it now answers 410, and the code stays taken."),
            cancellationToken);
        return ExitCodes.Ok;
    }
}
