namespace Pipeline.Infra.Tests;

/// <summary>Ids of the Azure built-in roles the contract is about (the same in every tenant), with their names.</summary>
internal static class Roles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageQueueDataReader = "19e7f393-937e-4f77-808e-94535e297925";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string StorageTableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string StorageBlobDelegator = "db58b8e5-c6ad-4a2a-8342-4190687cbf4a";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [StorageBlobDataOwner] = "Storage Blob Data Owner",
        [StorageBlobDataContributor] = "Storage Blob Data Contributor",
        [StorageBlobDataReader] = "Storage Blob Data Reader",
        [StorageQueueDataContributor] = "Storage Queue Data Contributor",
        [StorageQueueDataReader] = "Storage Queue Data Reader",
        [StorageTableDataContributor] = "Storage Table Data Contributor",
        [StorageTableDataReader] = "Storage Table Data Reader",
        [MonitoringMetricsPublisher] = "Monitoring Metrics Publisher",
        [StorageBlobDelegator] = "Storage Blob Delegator",
    };

    /// <summary>Roles that read or write blob data.</summary>
    public static readonly IReadOnlySet<string> BlobData = new HashSet<string>([StorageBlobDataOwner, StorageBlobDataContributor, StorageBlobDataReader], StringComparer.OrdinalIgnoreCase);

    /// <summary>Roles that may change or delete blobs.</summary>
    public static readonly IReadOnlySet<string> BlobWrite = new HashSet<string>([StorageBlobDataOwner, StorageBlobDataContributor], StringComparer.OrdinalIgnoreCase);

    /// <summary>The built-in role's name; an id this contract does not know stays as it is, so a test names it.</summary>
    public static string NameOf(string id) => Names.TryGetValue(id, out var name) ? name : id;

    /// <summary>The id of a built-in role by its name; a name this contract does not know stays as it is.</summary>
    public static string IdOf(string name) => Names.FirstOrDefault(n => n.Value == name).Key ?? name;

    public static bool IsKnown(string id) => Names.ContainsKey(id);
}
