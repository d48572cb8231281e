using Azure;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;

namespace Pipeline.Cli.Connection;

/// <summary>
/// The storage account, reached the way the app reaches it (<see cref="ServiceCollectionExtensions.AddPipelineStorage"/>):
/// Azurite by default, a connection string, or an account in Azure with <c>DefaultAzureCredential</c>.
/// Resource names come from the same <c>Storage__*</c> settings as the app's.
/// </summary>
public sealed class StorageConnector(PipelineSettings settings, CliEnvironment environment) : IDisposable
{
    private const string Azurite = "UseDevelopmentStorage=true";

    private ServiceProvider? _provider;

    /// <summary>What the commands say when they name the storage they tried.</summary>
    public string Description =>
        settings.Account is { } account ? $"storage account '{account}'"
        : settings.ConnectionString is not null ? "the storage of --connection-string"
        : environment.Configuration[StorageNames.Connection] is { Length: > 0 } ? $"the storage of the {StorageNames.Connection} setting"
        : "Azurite (UseDevelopmentStorage=true)";

    public StorageClients Clients
    {
        get
        {
            try
            {
                _provider ??= Build();
                return _provider.GetRequiredService<StorageClients>();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new CliException(ExitCodes.Unreachable, "invalid_connection", $"the storage connection is not valid: {ex.Message}", ex);
            }
        }
    }

    /// <summary>A storage failure as the person at the terminal can act on it; null for anything that is not about storage.</summary>
    public CliException? Explain(Exception exception)
    {
        var failures = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        foreach (var failure in failures)
        {
            switch (failure)
            {
                case AuthenticationFailedException or CredentialUnavailableException:
                    return new CliException(ExitCodes.Unauthorized, "sign_in_failed",
                        $"could not sign in to Azure for {Description}: run 'az login' (DefaultAzureCredential) ({failure.Message.Split('\n')[0]})", exception);
                case RequestFailedException { Status: 401 or 403 } refused:
                    return new CliException(ExitCodes.Unauthorized, "storage_forbidden",
                        $"{Description} refused access ({refused.ErrorCode}): your identity needs Storage Blob Data Contributor to upload and " +
                        "Storage Queue Data Reader to read the poison queues", exception);
                case RequestFailedException { InnerException: HttpRequestException } or HttpRequestException:
                    return new CliException(ExitCodes.Unreachable, "storage_unreachable",
                        $"{Description} is not answering; is Azurite running? The local host starts it: dotnet run --project src/Pipeline.DevHost", exception);
            }
        }

        return null;
    }

    private ServiceProvider Build()
    {
        var overrides = new Dictionary<string, string?>();
        var section = environment.Configuration.GetSection(StorageNames.Connection);
        if (settings.ConnectionString is { } connectionString)
        {
            overrides[StorageNames.Connection] = connectionString;
        }
        else if (settings.Account is { } account)
        {
            // The account alone decides the endpoints; a connection string in the environment must not win over it.
            overrides[StorageNames.Connection] = null;
            overrides[$"ConnectionStrings:{StorageNames.Connection}"] = null;
            overrides[$"{StorageNames.Connection}:accountName"] = account;
            foreach (var service in new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri" })
            {
                overrides[$"{StorageNames.Connection}:{service}"] = null;
            }
        }
        else if (section.Value is null && !section.GetChildren().Any() && environment.Configuration.GetConnectionString(StorageNames.Connection) is null)
        {
            overrides[StorageNames.Connection] = Azurite;
        }

        var configuration = new ConfigurationBuilder().AddConfiguration(environment.Configuration).AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPipelineStorage(configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose() => _provider?.Dispose();
}
