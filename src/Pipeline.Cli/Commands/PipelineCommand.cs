using System.Text.Json;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Base of every command: gives it the API, storage and output its options ask for, and turns any failure into one
/// clear message (or JSON error) and an exit code, instead of a stack trace.
/// </summary>
public abstract class PipelineCommand<TSettings>(IAnsiConsole console, CliEnvironment environment, HttpClient http) : AsyncCommand<TSettings>
    where TSettings : PipelineSettings
{
    protected CliEnvironment Environment => environment;

    /// <summary>The command line's one HTTP client (the API's calls go through it too).</summary>
    protected HttpClient Http => http;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var output = new CliOutput(console, settings.Json);
        using var storage = new StorageConnector(settings, environment);
        var api = new PipelineApi(http, ApiEndpoint.Resolve(settings, environment));
        try
        {
            return await RunAsync(new CommandScope(settings, api, storage, output), cancellationToken);
        }
        catch (Exception ex) when ((ex as CliException ?? storage.Explain(ex)) is { } failure)
        {
            output.Error(failure);
            return failure.ExitCode;
        }
    }

    protected abstract Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken);

    /// <summary>One API call, answered with the API's own JSON for scripts or shown by <paramref name="show"/> for people.</summary>
    protected static async Task<JsonElement> CallAsync(
        CommandScope scope, HttpMethod method, string path, object? body, Action<JsonElement> show, CancellationToken cancellationToken)
    {
        var result = await scope.Api.SendAsync(method, path, body, cancellationToken);
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(result);
        }
        else
        {
            show(result);
        }

        return result;
    }

    /// <summary>What one run of a command works with.</summary>
    protected sealed record CommandScope(TSettings Settings, PipelineApi Api, StorageConnector Storage, CliOutput Output);
}
