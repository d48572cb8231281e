using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Audit;
using Pipeline.Functions.Functions;
using Pipeline.Functions.Http;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Who approved, unpublished or changed a link, and when: shown with the article and in the desk's log.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditApiTests(AzuriteFixture azurite)
{
    private const string Held = ReviewAndIdentityTests.NameAsHeadline;

    [Fact]
    public async Task ApprovalAndUnpublish_AreInTheArticlesHistory_WithWhoDidThem_AndLinksInTheLog()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var id = (await services.IngestAsync("desk/held.txt", Held)).Articles[0].Id;
        var editor = new Actor("Amina Qureshi", "0b5f6c1e-1111-2222-3333-444455556666", Actor.UserKind);

        var approve = HttpResults.Request("POST", $"/api/articles/{id}/approve", """{"headline":"Karachi dock strike ends"}""");
        approve.Request.HttpContext.Items[RequestActor.ItemKey] = editor;
        await services.Create<ApproveArticle>().Run(approve.Request, id, CancellationToken.None);
        var unpublish = HttpResults.Request("DELETE", $"/api/articles/{id}");
        await services.Create<UnpublishArticle>().Run(unpublish.Request, id, CancellationToken.None);
        await HttpResults.CallAsync(r => services.Create<CreateShortLink>().Run(r, CancellationToken.None), "POST", "/api/links", """{"url":"https://example.com/offer","code":"offer"}""");
        await HttpResults.CallAsync(r => services.Create<ArchiveShortLink>().Run(r, "offer", CancellationToken.None), "DELETE", "/api/links/offer");

        var (_, _, article) = await HttpResults.CallAsync(r => services.Create<GetArticle>().Run(r, id, CancellationToken.None), "GET", $"/api/articles/{id}");
        var history = article!.Value.GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal(["unpublish", "approve"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("management key", history[0].GetProperty("actor").GetString());
        Assert.Equal("key", history[0].GetProperty("actorKind").GetString());
        Assert.Equal("Amina Qureshi", history[1].GetProperty("actor").GetString());
        Assert.Equal(editor.ObjectId, history[1].GetProperty("actorId").GetString());
        Assert.Equal("corrected: headline", history[1].GetProperty("detail").GetString());

        var (status, _, log) = await HttpResults.CallAsync(r => services.Create<ListAudit>().Run(r, CancellationToken.None), "GET", "/api/audit?top=10");
        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(["link-archive", "link-create", "unpublish", "approve"],
            log!.Value.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task ADecisionThatChangedNothing_IsNotRecorded()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);

        await HttpResults.CallAsync(r => services.Create<UnpublishArticle>().Run(r, "nosuchid0000", CancellationToken.None), "DELETE", "/api/articles/nosuchid0000");
        await HttpResults.CallAsync(r => services.Create<ArchiveShortLink>().Run(r, "nothing", CancellationToken.None), "DELETE", "/api/links/nothing");

        var (_, _, log) = await HttpResults.CallAsync(r => services.Create<ListAudit>().Run(r, CancellationToken.None), "GET", "/api/audit");
        Assert.Empty(log!.Value.GetProperty("entries").EnumerateArray());
    }
}
