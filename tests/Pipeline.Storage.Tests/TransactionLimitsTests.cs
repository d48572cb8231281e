using Azure.Data.Tables;
using Pipeline.Storage.Tables;

namespace Pipeline.Storage.Tests;

/// <summary>Transaction rules Azure enforces: 100 operations, 4 MiB, one partition.</summary>
public sealed class TransactionLimitsTests
{
    private static TableTransactionAction Upsert(string partition, int row, int payloadChars = 10) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"r{row}") { ["Payload"] = new string('x', payloadChars) });

    [Fact]
    public void CheckBatch_101Operations_Throws()
    {
        var actions = Enumerable.Range(0, 101).Select(i => Upsert("p", i)).ToList();

        Assert.Throws<ArgumentException>(() => EntityLimits.CheckBatch(actions));
    }

    [Fact]
    public void CheckBatch_TwoPartitions_Throws()
    {
        Assert.Throws<ArgumentException>(() => EntityLimits.CheckBatch([Upsert("p1", 0), Upsert("p2", 1)]));
    }

    [Fact]
    public void CheckBatch_Over4MiB_Throws()
    {
        // 80 entities of ~60 KB each: every property and entity is within limits, the batch is not.
        var actions = Enumerable.Range(0, 80).Select(i => Upsert("p", i, 30_000)).ToList();

        Assert.Throws<ArgumentException>(() => EntityLimits.CheckBatch(actions));
    }

    [Fact]
    public void CheckBatch_HundredSmallOperationsInOnePartition_Passes()
    {
        var actions = Enumerable.Range(0, 100).Select(i => Upsert("p", i)).ToList();

        Assert.Same(actions, EntityLimits.CheckBatch(actions));
    }
}
