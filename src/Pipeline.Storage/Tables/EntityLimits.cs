using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tables;

/// <summary>
/// Azure Table Storage's size limits, which Azurite does not enforce: 64 KiB per string property, 1 MiB per entity,
/// and per transaction 100 operations, 4 MiB, one partition.
/// </summary>
internal static class EntityLimits
{
    public const int MaxStringBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void Check(params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is not null && Encoding.Unicode.GetByteCount(value) > MaxStringBytes)
            {
                throw new ArgumentException($"a table property is longer than {MaxStringBytes / 1024} KiB; large fields belong in a blob");
            }
        }
    }

    /// <summary>Checks keys, every string property and the whole entity against Azure's limits; returns the entity's size.</summary>
    public static int Check(ITableEntity entity)
    {
        TableKeys.Check(entity.PartitionKey);
        TableKeys.Check(entity.RowKey);
        var size = 4 + 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var (name, value) in Values(entity))
        {
            var valueSize = value switch
            {
                null => 0,
                string s => 4 + Encoding.Unicode.GetByteCount(s),
                byte[] b => 4 + b.Length,
                _ => 8,
            };
            if (value is string text)
            {
                Check(text);
            }

            // Azure counts 8 bytes plus the UTF-16 name per property on top of the value.
            size += 8 + 2 * name.Length + valueSize;
        }

        return size <= MaxEntityBytes ? size : throw new ArgumentException($"a table entity is larger than {MaxEntityBytes / 1024} KiB; large fields belong in a blob");
    }

    /// <summary>The entity's own properties: a dynamic <see cref="TableEntity"/>'s entries, or a typed entity's public properties.</summary>
    private static IEnumerable<(string Name, object? Value)> Values(ITableEntity entity)
    {
        if (entity is TableEntity dynamic)
        {
            return dynamic.Where(p => !IsSystem(p.Key)).Select(p => (p.Key, (object?)p.Value));
        }

        return Properties
            .GetOrAdd(entity.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && !IsSystem(p.Name)).ToArray())
            .Select(p => (p.Name, p.GetValue(entity)));
    }

    private static bool IsSystem(string name) =>
        name is nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag) or "odata.etag";

    /// <summary>Checks a transaction: at most 100 operations and 4 MiB, all in one partition.</summary>
    public static IReadOnlyList<TableTransactionAction> CheckBatch(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxBatchOperations)
        {
            throw new ArgumentException($"a table transaction must have 1 to {MaxBatchOperations} operations, not {actions.Count}");
        }

        var partition = actions[0].Entity.PartitionKey;
        var bytes = 0;
        foreach (var action in actions)
        {
            if (action.Entity.PartitionKey != partition)
            {
                throw new ArgumentException("a table transaction must stay in one partition");
            }

            bytes += Check(action.Entity);
        }

        return bytes <= MaxBatchBytes ? actions : throw new ArgumentException($"a table transaction is larger than {MaxBatchBytes / (1024 * 1024)} MiB");
    }
}
