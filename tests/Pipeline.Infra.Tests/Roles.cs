namespace Pipeline.Infra.Tests;

/// <summary>Ids of the Azure built-in roles the contract is about (the same in every tenant).</summary>
internal static class Roles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string StorageQueueDataReader = "19e7f393-937e-4f77-808e-94535e297925";
    public const string StorageTableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    /// <summary>
    /// What an identity-based connection needs per trigger type (Azure Functions storage extension docs): the blob
    /// trigger keeps receipts in blobs and poison messages in a queue; the queue trigger reads and deletes messages.
    /// </summary>
    public static IReadOnlyList<string> RequiredBy(string bindingType) => bindingType switch
    {
        "blobTrigger" => [StorageBlobDataOwner, StorageQueueDataContributor],
        "queueTrigger" => [StorageQueueDataContributor],
        _ => [],
    };
}
