using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Core.Uploads;

namespace Pipeline.Storage.Tables;

/// <summary>Upload statuses in Table Storage, one row per blob name.</summary>
internal sealed class TableUploadStatusStore(StorageClients clients) : IUploadStatusStore
{
    private const int MaxWarnings = 100;

    public async Task SetAsync(UploadStatus status, CancellationToken cancellationToken) =>
        await clients.UploadsTable.UpsertEntityAsync(ToEntity(status), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> TryAddAsync(UploadStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await clients.UploadsTable.AddEntityAsync(ToEntity(status), cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static UploadEntity ToEntity(UploadStatus status) =>
        new()
        {
            PartitionKey = TableKeys.Encode(status.Name),
            Name = status.Name,
            State = status.State.ToString(),
            ArticleIds = string.Join(',', status.ArticleIds),
            Reason = Truncate(status.Reason),
            Warnings = status.Warnings.Count == 0 ? null : Truncate(JsonSerializer.Serialize(status.Warnings.Take(MaxWarnings))),
            ShownWith = status.ShownWith,
            Picture = status.Picture,
            ReceivedAt = status.ReceivedAt,
            UpdatedAt = status.UpdatedAt,
        };

    public async Task<UploadStatus?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var response = await clients.UploadsTable.GetEntityIfExistsAsync<UploadEntity>(TableKeys.Encode(name), UploadEntity.Row, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        return ToStatus(response.Value!);
    }

    public async IAsyncEnumerable<UploadStatus> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in clients.UploadsTable.QueryAsync<UploadEntity>(TableClient.CreateQueryFilter($"RowKey eq {UploadEntity.Row}"), cancellationToken: cancellationToken))
        {
            yield return ToStatus(entity);
        }
    }

    private static UploadStatus ToStatus(UploadEntity e) =>
        new UploadStatus
        {
            Name = e.Name,
            State = Enum.Parse<UploadState>(e.State),
            ArticleIds = e.ArticleIds.Length == 0 ? [] : e.ArticleIds.Split(','),
            Reason = e.Reason,
            Warnings = e.Warnings is null ? [] : JsonSerializer.Deserialize<string[]>(e.Warnings) ?? [],
            ShownWith = e.ShownWith,
            Picture = e.Picture,
            ReceivedAt = e.ReceivedAt,
            UpdatedAt = e.UpdatedAt,
        };

    // Keep within the 64 KiB property limit (32 K UTF-16 characters), cutting whole JSON only where it is not JSON.
    private static string? Truncate(string? value) =>
        value is null || value.Length <= 30_000 ? value : value[..29_990] + "…";
}
