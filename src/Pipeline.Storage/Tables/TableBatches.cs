using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>Writes many rows in as few requests as Table Storage allows: a transaction per partition and hundred rows.</summary>
internal static class TableBatches
{
    /// <summary>
    /// Upserts (replaces) the entities, a row given twice once. Returns storage's clock (whole seconds) from the
    /// responses, the latest, when they say: every row was written before then.
    /// </summary>
    public static async Task<DateTimeOffset?> UpsertAsync(this TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken)
    {
        var batches = Batches(entities.DistinctBy(e => (e.PartitionKey, e.RowKey)), e => e.PartitionKey)
            .Select(batch => EntityLimits.CheckBatch(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList()));
        var responses = await Task.WhenAll(batches.Select(batch => table.SubmitTransactionAsync(batch, cancellationToken)));
        return responses.Select(r => r.GetRawResponse().Headers.Date).Max();
    }

    /// <summary>
    /// Deletes the rows, each only while its ETag matches (<see cref="ETag.All"/>: whatever it holds). A transaction fails
    /// whole when one of its rows is gone or changed, so such a batch is deleted row by row: gone rows are passed over,
    /// changed ones kept. Returns how many were kept because they had changed.
    /// </summary>
    public static async Task<int> DeleteAsync(this TableClient table, IEnumerable<(string PartitionKey, string RowKey, ETag ETag)> rows, CancellationToken cancellationToken)
    {
        var kept = 0;
        foreach (var batch in Batches(rows.DistinctBy(r => (r.PartitionKey, r.RowKey)), r => r.PartitionKey))
        {
            if (batch.Length > 1)
            {
                try
                {
                    var deletes = batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), r.ETag)).ToList();
                    await table.SubmitTransactionAsync(EntityLimits.CheckBatch(deletes), cancellationToken);
                    continue;
                }
                catch (TableTransactionFailedException)
                {
                }
            }

            foreach (var row in batch)
            {
                try
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    kept++;
                }
            }
        }

        return kept;
    }

    private static IEnumerable<T[]> Batches<T>(IEnumerable<T> rows, Func<T, string> partition) =>
        rows.GroupBy(partition, StringComparer.Ordinal).SelectMany(p => p.Chunk(EntityLimits.MaxBatchOperations));
}
