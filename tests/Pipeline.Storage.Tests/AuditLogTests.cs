using Pipeline.Core.Audit;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>The audit trail: an article's history and the desk's log, newest first, each entry once in either.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Entries_ReadBackPerSubjectAndInTheLog_NewestFirst()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var log = services.Get<IAuditLog>();
        var editor = new Actor("Amina Qureshi", "0b5f6c1e-1111-2222-3333-444455556666", Actor.UserKind);
        var start = DateTimeOffset.UtcNow.AddSeconds(-10);

        await log.RecordAsync(new AuditEntry(start, Actor.Key(), AuditActions.UploadGranted, AuditSubjectKind.Upload, "world/port.txt", "from the desk"), CancellationToken.None);
        await log.RecordAsync(new AuditEntry(start.AddSeconds(1), editor, AuditActions.Approved, AuditSubjectKind.Article, "a1", "corrected: headline"), CancellationToken.None);
        await log.RecordAsync(new AuditEntry(start.AddSeconds(2), editor, AuditActions.Unpublished, AuditSubjectKind.Article, "a1"), CancellationToken.None);
        await log.RecordAsync(new AuditEntry(start.AddSeconds(2), Actor.Key(), AuditActions.LinkArchived, AuditSubjectKind.Link, "offer"), CancellationToken.None);

        var article = await log.ForSubjectAsync(AuditSubjectKind.Article, "a1", 10, CancellationToken.None);
        var recent = await log.RecentAsync(10, 2, CancellationToken.None);
        var two = await log.RecentAsync(2, 2, CancellationToken.None);

        Assert.Equal([AuditActions.Unpublished, AuditActions.Approved], article.Select(e => e.Action));
        Assert.Equal(editor, article[0].Actor);
        Assert.Equal("corrected: headline", article[1].Detail);
        Assert.Equal(4, recent.Count);
        Assert.Equal(AuditActions.UploadGranted, recent[^1].Action);
        Assert.True(recent.Zip(recent.Skip(1)).All(p => p.First.At >= p.Second.At), "the log reads newest first");
        Assert.Equal(2, two.Count);
        Assert.Empty(await log.ForSubjectAsync(AuditSubjectKind.Article, "a2", 10, CancellationToken.None));
    }
}
