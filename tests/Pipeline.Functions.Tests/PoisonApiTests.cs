using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Publishing;
using Pipeline.Functions.Functions;
using Pipeline.Storage.Queues;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>What the triggers gave up on, seen and retried from the desk: looking removes nothing, a retry puts the work back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PoisonApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task APoisonedRender_IsListed_ThenRetriedOntoTheRenderQueue_AndGoneFromThePoisonQueue()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var article = (await services.IngestAsync("world/two.txt", File.ReadAllText(TestFiles.Path("two-articles.txt")))).Articles[0];
        await services.DrainRenderQueueAsync();
        var request = JsonSerializer.Serialize(new RenderRequest(article.Id, article.Version), JsonSerializerOptions.Web);
        var sent = (await services.Storage.RenderPoisonQueue.SendMessageAsync(request)).Value;
        await services.Storage.RenderPoisonQueue.SendMessageAsync("not json at all");

        var (listed, _, json) = await HttpResults.CallAsync(r => services.Create<ListPoison>().Run(r, CancellationToken.None), "GET", "/api/poison");
        var (again, _, _) = await HttpResults.CallAsync(r => services.Create<ListPoison>().Run(r, CancellationToken.None), "GET", "/api/poison");

        Assert.Equal(StatusCodes.Status200OK, listed);
        Assert.Equal(StatusCodes.Status200OK, again);
        var render = json!.Value.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == services.Storage.RenderPoisonQueue.Name);
        Assert.Equal(2, render.GetProperty("approximateCount").GetInt32());
        var messages = render.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("render", messages[0].GetProperty("kind").GetString());
        Assert.Equal([article.Id], messages[0].GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("other", messages[1].GetProperty("kind").GetString());

        var queue = services.Storage.RenderPoisonQueue.Name;
        var (retried, _, _) = await HttpResults.CallAsync(r => services.Create<RetryPoison>().Run(r, queue, sent.MessageId, CancellationToken.None), "POST", $"/api/poison/{queue}/{sent.MessageId}/retry");
        var (twice, _, _) = await HttpResults.CallAsync(r => services.Create<RetryPoison>().Run(r, queue, sent.MessageId, CancellationToken.None), "POST", $"/api/poison/{queue}/{sent.MessageId}/retry");
        var other = messages[1].GetProperty("id").GetString()!;
        var (notRetryable, _, _) = await HttpResults.CallAsync(r => services.Create<RetryPoison>().Run(r, queue, other, CancellationToken.None), "POST", $"/api/poison/{queue}/{other}/retry");

        Assert.Equal(StatusCodes.Status200OK, retried);
        Assert.Equal(StatusCodes.Status404NotFound, twice);
        Assert.Equal(StatusCodes.Status409Conflict, notRetryable);
        Assert.Equal(1, await services.DrainRenderQueueAsync());
        var left = (await services.Storage.RenderPoisonQueue.PeekMessagesAsync(32)).Value;
        Assert.Equal(["not json at all"], left.Select(m => m.Body.ToString()));
        var (_, _, log) = await HttpResults.CallAsync(r => services.Create<ListAudit>().Run(r, CancellationToken.None), "GET", "/api/audit");
        Assert.Contains(log!.Value.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "republish" && e.GetProperty("subject").GetString() == article.Id);
    }

    [Theory]
    [InlineData("""{"BlobName":"world/stuck.txt","ContainerName":"articles"}""", "upload", null, "world/stuck.txt")]
    [InlineData("""{"articles":[{"articleId":"a1","version":2},{"articleId":"a2","version":1}]}""", "render", "a1,a2", null)]
    [InlineData("""{"articleId":"a3","version":1}""", "render", "a3", null)]
    [InlineData("[1,2]", "other", null, null)]
    public void PoisonMessages_SayWhatTheyWere(string body, string kind, string? articles, string? upload)
    {
        var message = PoisonMessage.Of("m1", null, 5, BinaryData.FromString(body));

        Assert.Equal(kind, message.Kind);
        Assert.Equal(articles?.Split(',') ?? [], message.ArticleIds);
        Assert.Equal(upload, message.Upload);
    }
}
