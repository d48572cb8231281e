using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Pipeline.Cli.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline poison</c>: what the triggers gave up on, read straight from the poison queues with a peek, so nothing
/// is removed and nothing is retried by looking.
/// </summary>
public sealed class PoisonCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<PipelineSettings>(console, environment, http)
{
    /// <summary>The most one peek returns.</summary>
    private const int PeekLimit = 32;

    private const int MaxShownLength = 160;

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (_, _, storage, output) = scope;
        var clients = storage.Clients;
        var queues = new List<PoisonQueue>();
        foreach (var queue in new[] { clients.RenderPoisonQueue, clients.UploadPoisonQueue })
        {
            queues.Add(await PeekAsync(queue, cancellationToken));
        }

        if (output.IsJson)
        {
            output.WriteJson(new { queues });
            return ExitCodes.Ok;
        }

        foreach (var queue in queues)
        {
            var count = queue.ApproximateCount;
            output.Line(count == 0
                ? $"[green]✔[/] {Markup.Escape(queue.Name)}: empty"
                : $"[red]✘[/] {Markup.Escape(queue.Name)}: {count} {(count == 1 ? "message" : "messages")}{(count > queue.Messages.Count ? $" (showing the first {queue.Messages.Count})" : string.Empty)}");
            if (queue.Messages.Count == 0)
            {
                continue;
            }

            var table = new Table().AddColumns("Inserted", "Tries", "What", "Next step");
            foreach (var message in queue.Messages)
            {
                var (what, next) = Describe(message.Body);
                table.AddRow(
                    new Text(message.InsertedOn?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    new Text(message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(what),
                    new Text(next));
            }

            output.Write(table);
        }

        return ExitCodes.Ok;
    }

    private static async Task<PoisonQueue> PeekAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            var peeked = await queue.PeekMessagesAsync(PeekLimit, cancellationToken);
            var messages = peeked.Value.Select(m => new PoisonMessage(m.MessageId, m.InsertedOn, m.DequeueCount, BodyOf(m.Body))).ToList();
            return new PoisonQueue(queue.Name, Math.Max(properties.Value.ApproximateMessagesCount, messages.Count), messages);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No queue yet: nothing ever failed there.
            return new PoisonQueue(queue.Name, 0, []);
        }
    }

    /// <summary>The message as JSON when it is JSON (render requests and the blob trigger's receipts are), else its text.</summary>
    private static JsonElement BodyOf(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToMemory());
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(body.ToString());
        }
    }

    private static (string What, string Next) Describe(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("articles", out var batch) && batch.ValueKind == JsonValueKind.Array)
        {
            var ids = batch.EnumerateArray().Select(a => a.Str("articleId")).OfType<string>().ToList();
            return ($"render of {ids.Count} articles: {string.Join(", ", ids)}", string.Join("; ", ids.Select(id => $"pipeline republish {id}")));
        }

        if (body.Str("articleId") is { } articleId)
        {
            return ($"render of article {articleId} version {body.Int("version")}", $"pipeline republish {articleId}");
        }

        if (body.Str("BlobName") is { } blob)
        {
            return ($"upload {blob}", $"pipeline retry {blob}");
        }

        var text = body.ValueKind == JsonValueKind.String ? body.GetString() ?? string.Empty : body.GetRawText();
        return (text.Length > MaxShownLength ? text[..MaxShownLength] + "…" : text, string.Empty);
    }

    /// <summary>One poison queue as <c>--json</c> shows it.</summary>
    private sealed record PoisonQueue(string Name, int ApproximateCount, IReadOnlyList<PoisonMessage> Messages);

    private sealed record PoisonMessage(string Id, DateTimeOffset? InsertedOn, long DequeueCount, JsonElement Body);
}
