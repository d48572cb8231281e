using System.ComponentModel;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline retry &lt;upload&gt;</c>: runs an upload through ingest again and shows its new status.</summary>
public sealed class RetryCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<RetryCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "<UPLOAD>")]
        [Description("The upload's name (its blob name, like pakistan/story.txt).")]
        public string Upload { get; set; } = string.Empty;
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var name = scope.Settings.Upload;
        var upload = await CallAsync(scope, HttpMethod.Post, PipelineApi.UploadPath(name) + "/retry", null, status => UploadView.Write(scope.Output, name, status), cancellationToken);

        return upload.Str("state") == "failed" ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
