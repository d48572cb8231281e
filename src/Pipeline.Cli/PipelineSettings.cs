using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli;

/// <summary>Options every command takes: where storage and the API are, the key, and the output format.</summary>
public class PipelineSettings : CommandSettings
{
    /// <summary>The local host's API, as <c>func start</c> serves it too.</summary>
    public const string DefaultApi = "http://127.0.0.1:7071/";

    [CommandOption("--connection-string <CONNECTION>")]
    [Description("Storage connection string (default: the PipelineStorage setting, else Azurite: UseDevelopmentStorage=true).")]
    public string? ConnectionString { get; set; }

    [CommandOption("--account <NAME>")]
    [Description("Storage account in Azure, signed in with DefaultAzureCredential (az login, environment, managed identity).")]
    public string? Account { get; set; }

    [CommandOption("--api <URL>")]
    [Description("Base URL of the pipeline's API (default: $PIPELINE_API, else " + DefaultApi + ").")]
    public string? Api { get; set; }

    [CommandOption("--key <KEY>")]
    [Description("Management API key, sent as x-functions-key (default: $PIPELINE_API_KEY, else .pipeline/api-key of this checkout).")]
    public string? Key { get; set; }

    [CommandOption("--json")]
    [Description("Write JSON for scripts instead of tables.")]
    public bool Json { get; set; }

    public override ValidationResult Validate()
    {
        if (ConnectionString is not null && Account is not null)
        {
            return ValidationResult.Error("give either --connection-string or --account, not both");
        }

        if (Api is not null && !(Uri.TryCreate(Api, UriKind.Absolute, out var api) && api.Scheme is "http" or "https"))
        {
            return ValidationResult.Error($"--api must be an http(s) URL, not '{Api}'");
        }

        return ValidationResult.Success();
    }
}
