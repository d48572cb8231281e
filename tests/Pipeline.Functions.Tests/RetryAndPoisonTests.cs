using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Functions;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>What an editor sees when storage trouble outlasts the retries, and how the upload is run again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetryAndPoisonTests(AzuriteFixture azurite)
{
    private static readonly string TwoArticles = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    [Fact]
    public async Task Ingest_TransientFailure_StatusSaysRetryingAndRetryEndpointPublishes()
    {
        var policy = new FaultInjectionPolicy { FailAt = 1 };
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(policy));
        var blob = services.Storage.Uploads.GetBlobClient("desk/flaky.txt");
        await blob.UploadAsync(BinaryData.FromString(TwoArticles));
        policy.Arm();

        await Assert.ThrowsAsync<InjectedFaultException>(() => services.Create<IngestArticle>().Run(blob, blob.Name, CancellationToken.None));
        var retrying = await services.Get<IUploadStatusStore>().GetAsync(blob.Name, CancellationToken.None);

        var context = HttpResults.Request("POST", "/api/uploads/desk/flaky.txt/retry");
        var (status, _, json) = await HttpResults.ExecuteAsync(
            await services.Create<RetryUpload>().Run(context.Request, "desk/flaky.txt/retry", CancellationToken.None), context);

        Assert.Equal(UploadState.Retrying, retrying!.State);
        Assert.Contains("temporary failure", retrying.Reason);
        Assert.DoesNotContain("\n", retrying.Reason!, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("published", json!.Value.GetProperty("state").GetString());
        Assert.Equal(2, json.Value.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task RetryUpload_UnknownUploadOrOtherAction_Returns404()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var retry = services.Create<RetryUpload>();

        var missing = HttpResults.Request("POST", "/api/uploads/nothing.txt/retry");
        var (missingStatus, _, _) = await HttpResults.ExecuteAsync(await retry.Run(missing.Request, "nothing.txt/retry", CancellationToken.None), missing);
        var other = HttpResults.Request("POST", "/api/uploads/nothing.txt");
        var (otherStatus, _, _) = await HttpResults.ExecuteAsync(await retry.Run(other.Request, "nothing.txt", CancellationToken.None), other);

        Assert.Equal(StatusCodes.Status404NotFound, missingStatus);
        Assert.Equal(StatusCodes.Status404NotFound, otherStatus);

        // The refused retry left no trace: the name is still unknown, not "an upload that no longer exists".
        var (statusAfter, _, json) = await HttpResults.CallAsync(
            r => services.Create<GetUploadStatus>().Run(r, "nothing.txt", CancellationToken.None), "GET", "/api/uploads/nothing.txt");
        Assert.Equal(StatusCodes.Status404NotFound, statusAfter);
        Assert.Equal("not_found", json!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RecordPoisonUpload_RetryingUpload_BecomesFailedWithHowToRetry()
    {
        var policy = new FaultInjectionPolicy { FailAt = 1 };
        await using var services = await PipelineServices.CreateAsync(azurite, s => s.AddSingleton<StoragePipelinePolicy>(policy));
        var blob = services.Storage.Uploads.GetBlobClient("stuck.txt");
        await blob.UploadAsync(BinaryData.FromString(TwoArticles));
        policy.Arm();
        await Assert.ThrowsAsync<InjectedFaultException>(() => services.Create<IngestArticle>().Run(blob, blob.Name, CancellationToken.None));

        await services.Create<RecordPoisonUpload>().Run(
            """{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"stuck.txt","ETag":"\"0x1\""}""",
            CancellationToken.None);

        var status = await services.Get<IUploadStatusStore>().GetAsync("stuck.txt", CancellationToken.None);
        Assert.Equal(UploadState.Failed, status!.State);
        Assert.Contains("gave up", status.Reason);
        Assert.Contains("/api/uploads/stuck.txt/retry", status.Reason);
    }

    [Fact]
    public async Task RecoverStalledUploads_UploadNeverTriggered_IsPublishedAndFinishedOnesAreLeftAlone()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        await services.IngestAsync("done.txt", TwoArticles);
        await services.Storage.Uploads.GetBlobClient("lost-event.txt").UploadAsync(BinaryData.FromString(TwoArticles.Replace("MILLBRIDGE", "EASTON")));

        var recovered = await services.Get<Pipeline.Core.Publishing.UploadRecovery>().RecoverAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(["lost-event.txt"], recovered);
        var status = await services.Get<IUploadStatusStore>().GetAsync("lost-event.txt", CancellationToken.None);
        Assert.Equal(UploadState.Published, status!.State);
    }

    [Fact]
    public async Task IngestUnseen_UploadTheTriggerSkipped_IsPublishedButOneUnderWayIsNotIngestedTwice()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var statuses = services.Get<IUploadStatusStore>();
        await services.Storage.Uploads.GetBlobClient("skipped.txt").UploadAsync(BinaryData.FromString(TwoArticles));
        await services.Storage.Uploads.GetBlobClient("under-way.txt").UploadAsync(BinaryData.FromString(TwoArticles.Replace("MILLBRIDGE", "EASTON")));
        var now = DateTimeOffset.UtcNow;
        await statuses.SetAsync(new UploadStatus { Name = "under-way.txt", State = UploadState.Received, ReceivedAt = now, UpdatedAt = now }, CancellationToken.None);
        var recovery = services.Get<Pipeline.Core.Publishing.UploadRecovery>();

        Assert.Empty(await recovery.IngestUnseenAsync(TimeSpan.FromHours(1), CancellationToken.None));
        var ingested = await recovery.IngestUnseenAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(["skipped.txt"], ingested);
        Assert.Equal(UploadState.Published, (await statuses.GetAsync("skipped.txt", CancellationToken.None))!.State);
        Assert.Equal(UploadState.Received, (await statuses.GetAsync("under-way.txt", CancellationToken.None))!.State);
    }
}
