using System.Text.Json;
using Pipeline.Core.Publishing;

namespace Pipeline.Storage.Queues;

/// <summary>Render requests as JSON messages on the render queue.</summary>
internal sealed class StorageRenderQueue(StorageClients clients) : IRenderQueue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(RenderRequest request, CancellationToken cancellationToken) =>
        await clients.RenderQueue.SendMessageAsync(JsonSerializer.Serialize(request, Json), cancellationToken);

    public async Task EnqueueAsync(RenderRequest request, TimeSpan delay, CancellationToken cancellationToken) =>
        await clients.RenderQueue.SendMessageAsync(JsonSerializer.Serialize(request, Json), visibilityTimeout: delay, cancellationToken: cancellationToken);
}
