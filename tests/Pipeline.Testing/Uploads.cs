using Pipeline.Core.Publishing;
using Pipeline.Functions.Functions;

namespace Pipeline.Testing;

/// <summary>Uploading a file and running the ingest and render functions on it, as the triggers would.</summary>
public static class Uploads
{
    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/> (overwriting) and runs IngestArticle on it.</summary>
    public static async Task<IngestResult> IngestAsync(this PipelineServices services, string name, string content)
    {
        var blob = services.Storage.Uploads.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(content), overwrite: true);
        return await services.Create<IngestArticle>().Run(blob, name, CancellationToken.None);
    }

    /// <summary>Renders one request with the site publisher, then every request that queued (the listing refresh); returns all files written.</summary>
    public static async Task<IReadOnlyList<string>> RenderAndRefreshAsync(this PipelineServices services, RenderRequest request, CancellationToken cancellationToken = default)
    {
        var publisher = services.Get<SitePublisher>();
        var written = new List<string>(await publisher.RenderAsync(request, cancellationToken));
        while ((await services.Storage.RenderQueue.ReceiveMessagesAsync(32, cancellationToken: cancellationToken)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                var queued = message.Body.ToObjectFromJson<RenderRequest>(System.Text.Json.JsonSerializerOptions.Web)!;
                written.AddRange(await publisher.RenderAsync(queued, cancellationToken));
                await services.Storage.RenderQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
        }

        return written.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs RenderArticle for every queued render request, as the queue trigger would; returns how many article renders ran (a batch message counts its articles), not counting the listing refreshes renders queue themselves.</summary>
    public static async Task<int> DrainRenderQueueAsync(this PipelineServices services)
    {
        var render = services.Create<RenderArticle>();
        var count = 0;
        while (true)
        {
            var messages = (await services.Storage.RenderQueue.ReceiveMessagesAsync(32)).Value;
            if (messages.Length == 0)
            {
                return count;
            }

            foreach (var message in messages)
            {
                var request = message.Body.ToObjectFromJson<RenderRequest>(System.Text.Json.JsonSerializerOptions.Web)!;
                await render.Run(request, CancellationToken.None);
                await services.Storage.RenderQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                count += request.Listings ? 0 : request.Articles?.Count ?? 1;
            }
        }
    }
}
