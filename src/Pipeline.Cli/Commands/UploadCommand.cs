using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline upload</c>: puts files in the uploads container, then follows each through ingest and render.</summary>
public sealed partial class UploadCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<UploadCommand.Settings>(console, environment, http)
{
    /// <summary>Files from this size get a progress bar; smaller ones are up before a bar could move.</summary>
    private const long LargeFile = 512 * 1024;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public sealed partial class Settings : WaitSettings
    {
        [CommandArgument(0, "<PATHS>")]
        [Description("Files or folders to upload; a folder's files keep their paths below it.")]
        public string[] Paths { get; set; } = [];

        [CommandOption("-s|--section <SECTION>")]
        [Description("Section to publish in: the files are uploaded as {section}/{name}.")]
        public string? Section { get; set; }

        public override ValidationResult Validate()
        {
            if (Section is not null && !SectionPattern().IsMatch(Section))
            {
                return ValidationResult.Error($"--section must be lower-case letters, digits and dashes (like 'pakistan' or 'world-news'), not '{Section}'");
            }

            return base.Validate();
        }

        [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
        private static partial Regex SectionPattern();
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (settings, api, storage, output) = scope;
        var files = UploadFile.Expand(settings.Paths, settings.Section);
        if (files.Count == 0)
        {
            throw new CliException(ExitCodes.Invalid, "no_files", "nothing to upload: the folders are empty");
        }

        // The status a name had before this upload, so a re-upload is not mistaken as done by the last run's status.
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!settings.NoWait)
        {
            foreach (var file in files)
            {
                before[file.BlobName] = (await api.FindAsync(PipelineApi.UploadPath(file.BlobName), cancellationToken))?.Str("updatedAt");
            }
        }

        await UploadAllAsync(storage.Clients.Uploads, files, output, cancellationToken);
        if (settings.NoWait)
        {
            if (output.IsJson)
            {
                output.WriteJson(new { uploads = files.Select(f => new { file = f.Path, name = f.BlobName, done = false, status = (JsonElement?)null }) });
            }
            else
            {
                output.Line($"Uploaded {files.Count} {(files.Count == 1 ? "file" : "files")}; follow them with: pipeline status");
            }

            return ExitCodes.Ok;
        }

        var outcomes = await WaitAsync(api, files, before, output, TimeSpan.FromSeconds(settings.Timeout), cancellationToken);
        if (output.IsJson)
        {
            output.WriteJson(new { uploads = outcomes.Select(o => new { file = o.File.Path, name = o.File.BlobName, done = o.Done, status = o.Status }) });
        }
        else
        {
            foreach (var outcome in outcomes)
            {
                UploadView.Write(output, outcome.File.BlobName, outcome.Status, outcome.Done);
            }
        }

        return outcomes.Any(o => o.Failed) ? ExitCodes.Failed
            : outcomes.Any(o => !o.Done) ? ExitCodes.TimedOut
            : ExitCodes.Ok;
    }

    private static async Task UploadAllAsync(BlobContainerClient container, IReadOnlyList<UploadFile> files, CliOutput output, CancellationToken cancellationToken)
    {
        if (output.IsLive && files.Any(f => f.Length >= LargeFile))
        {
            await output.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
                .StartAsync(async progress =>
                {
                    foreach (var file in files)
                    {
                        var task = progress.AddTask(Markup.Escape(file.BlobName), maxValue: Math.Max(1, file.Length));
                        await UploadAsync(container, file, new Progress<long>(sent => task.Value = Math.Max(task.Value, sent)), cancellationToken);
                        task.Value = task.MaxValue;
                    }
                });
            return;
        }

        foreach (var file in files)
        {
            await UploadAsync(container, file, null, cancellationToken);
            if (!output.IsJson)
            {
                output.Line($"[grey]uploaded[/] {Markup.Escape(file.BlobName)} [grey]({file.Length:N0} bytes)[/]");
            }
        }
    }

    private static async Task UploadAsync(BlobContainerClient container, UploadFile file, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(file.Path);
        await container.GetBlobClient(file.BlobName).UploadAsync(content, new BlobUploadOptions { ProgressHandler = progress }, cancellationToken);
    }

    /// <summary>Polls each upload's status until it is refused, or published with its pages live, or the time is up.</summary>
    private static async Task<IReadOnlyList<UploadOutcome>> WaitAsync(
        PipelineApi api, IReadOnlyList<UploadFile> files, Dictionary<string, string?> before, CliOutput output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcomes = files.Select(f => new UploadOutcome(f, null, false)).ToArray();
        var clock = Stopwatch.StartNew();

        async Task PollAsync(Action<string> report)
        {
            while (outcomes.Any(o => !o.Done) && clock.Elapsed < timeout)
            {
                await Task.WhenAll(outcomes.Select(async (outcome, i) =>
                {
                    if (outcome.Done)
                    {
                        return;
                    }

                    var status = await api.FindAsync(PipelineApi.UploadPath(outcome.File.BlobName), cancellationToken);
                    if (status is { } seen && seen.Str("updatedAt") != before[outcome.File.BlobName])
                    {
                        outcomes[i] = outcome with { Status = seen, Done = seen.Str("state") is "failed" or "waiting" || UploadOutcome.IsLive(seen) };
                    }
                }));

                report($"Waiting for the pipeline: {outcomes.Count(o => o.Done)} of {outcomes.Length} uploads done");
                if (outcomes.Any(o => !o.Done))
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
        }

        if (output.IsLive)
        {
            await output.Console.Status().StartAsync("Waiting for the pipeline…", context => PollAsync(text => context.Status(text)));
        }
        else
        {
            await PollAsync(_ => { });
        }

        return outcomes;
    }
}
