using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Cli;

/// <summary>What the command line reads from outside its arguments: environment settings and the folder it runs in.</summary>
public sealed record CliEnvironment(IConfiguration Configuration, string CurrentDirectory)
{
    /// <summary>Environment variable with the management API's base URL.</summary>
    public const string ApiVariable = "PIPELINE_API";

    /// <summary>Environment variable with the management API key.</summary>
    public const string KeyVariable = "PIPELINE_API_KEY";

    /// <summary>The signed-in identity for Azure Resource Manager; null for DefaultAzureCredential (az login, environment, managed identity).</summary>
    public TokenCredential? Credential { get; init; }
}
