using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage;

/// <summary>
/// The <c>PipelineStorage</c> connection as the Functions host reads it: a connection string
/// (<c>UseDevelopmentStorage=true</c> locally), or identity-based settings in Azure
/// (<c>PipelineStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>).
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? QueueServiceUri, Uri? TableServiceUri, string? Credential, string? ClientId)
{
    public static StorageConnection From(IConfiguration configuration, string name = StorageNames.Connection)
    {
        var section = configuration.GetSection(name);
        var connectionString = section.Value ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageConnection(connectionString, null, null, null, null, null);
        }

        var account = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;

        var connection = new StorageConnection(
            null,
            Endpoint("blobServiceUri", "blob"),
            Endpoint("queueServiceUri", "queue"),
            Endpoint("tableServiceUri", "table"),
            section["credential"],
            section["clientId"]);

        if (connection.BlobServiceUri is null || connection.QueueServiceUri is null || connection.TableServiceUri is null)
        {
            throw new InvalidOperationException(
                $"The storage connection '{name}' is not configured. Locally set {name}=UseDevelopmentStorage=true; in Azure set " +
                $"{name}__blobServiceUri, {name}__queueServiceUri and {name}__tableServiceUri (or {name}__accountName), " +
                $"with {name}__credential=managedidentity and {name}__clientId for a user-assigned identity.");
        }

        return connection;
    }

    public TokenCredential CreateCredential() =>
        string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ClientId is { Length: > 0 } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });
}
