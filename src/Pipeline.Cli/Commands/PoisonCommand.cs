using System.Text.Json;
using Pipeline.Cli.Output;
using Pipeline.Storage.Queues;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline poison</c>: what the triggers gave up on, read straight from the poison queues with a peek, so nothing
/// is removed and nothing is retried by looking.
/// </summary>
public sealed class PoisonCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<PipelineSettings>(console, environment, http)
{
    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (_, _, storage, output) = scope;
        var clients = storage.Clients;
        var queues = new List<PoisonQueueView>();
        foreach (var queue in new[] { clients.RenderPoisonQueue, clients.UploadPoisonQueue })
        {
            queues.Add(await PoisonQueues.PeekAsync(queue, cancellationToken));
        }

        if (output.IsJson)
        {
            output.WriteJson(new
            {
                queues = queues.Select(q => new PoisonQueue(q.Name, q.ApproximateCount,
                    q.Messages.Select(m => new PoisonQueueMessage(m.Id, m.InsertedOn, m.DequeueCount, BodyOf(m.Body))).ToList())),
            });
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
                var (what, next) = Describe(message);
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

    private static (string What, string Next) Describe(PoisonMessage message) => message switch
    {
        { Kind: PoisonMessage.RenderKind, ArticleIds: [var id] } when message.Version is { } version => ($"render of article {id} version {version}", $"pipeline republish {id}"),
        { Kind: PoisonMessage.RenderKind, ArticleIds: [var id] } => ($"render of article {id}", $"pipeline republish {id}"),
        { Kind: PoisonMessage.RenderKind } => ($"render of {message.ArticleIds.Count} articles: {string.Join(", ", message.ArticleIds)}",
            string.Join("; ", message.ArticleIds.Select(id => $"pipeline republish {id}"))),
        { Kind: PoisonMessage.UploadKind } => ($"upload {message.Upload}", $"pipeline retry {message.Upload}"),
        _ => (message.Text, string.Empty),
    };

    /// <summary>One poison queue as <c>--json</c> shows it.</summary>
    private sealed record PoisonQueue(string Name, int ApproximateCount, IReadOnlyList<PoisonQueueMessage> Messages);

    private sealed record PoisonQueueMessage(string Id, DateTimeOffset? InsertedOn, long DequeueCount, JsonElement Body);
}
