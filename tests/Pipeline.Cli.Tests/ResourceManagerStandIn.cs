using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Azure.Core;
using Pipeline.DevHost.Azurite;

namespace Pipeline.Cli.Tests;

/// <summary>
/// Azure Resource Manager as the doctor's Event Grid check talks to it, on 127.0.0.1: it lists a system topic's event
/// subscriptions and answers their full URL, in the shapes of the Event Grid REST reference (api-version 2025-02-15).
/// </summary>
public sealed class ResourceManagerStandIn : IDisposable
{
    public const string Token = "stand-in-token";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public ResourceManagerStandIn()
    {
        Endpoint = new Uri($"http://127.0.0.1:{AzuriteEndpoints.FreePorts().BlobPort}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Request lines seen, with whether they carried the bearer token.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The topic the stand-in knows; any other answers 404.</summary>
    public string Topic { get; set; } = "evgt-pipeline";

    /// <summary>The JSON objects of the topic's subscriptions, by name.</summary>
    public Dictionary<string, (string Json, string FullUrl)> Subscriptions { get; } = [];

    /// <summary>A subscription as <c>infra/hooks/postdeploy.sh</c> creates it.</summary>
    public static string WebhookSubscription(string name, string host, string container, string eventType = "Microsoft.Storage.BlobCreated", string state = "Succeeded") => $$"""
        {
          "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventGrid/systemTopics/t/eventSubscriptions/{{name}}",
          "name": "{{name}}",
          "type": "Microsoft.EventGrid/systemTopics/eventSubscriptions",
          "properties": {
            "topic": "/subscriptions/s/resourceGroups/rg/providers/microsoft.eventgrid/systemtopics/t",
            "provisioningState": "{{state}}",
            "destination": { "endpointType": "WebHook", "properties": { "endpointBaseUrl": "https://{{host}}/runtime/webhooks/blobs", "maxEventsPerBatch": 1 } },
            "filter": { "subjectBeginsWith": "/blobServices/default/containers/{{container}}/", "subjectEndsWith": "", "includedEventTypes": ["{{eventType}}"], "isSubjectCaseSensitive": false },
            "eventDeliverySchema": "EventGridSchema"
          }
        }
        """;

    public static TokenCredential Credential { get; } = new StaticCredential();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            var authorized = request.Headers["Authorization"] == $"Bearer {Token}";
            Requests.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery} {(authorized ? "authorized" : "anonymous")}");
            var (status, body) = authorized ? Answer(request.HttpMethod, request.Url.AbsolutePath) : (401, """{"error":{"code":"AuthenticationFailed"}}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(string method, string path)
    {
        var list = $"/providers/Microsoft.EventGrid/systemTopics/{Topic}/eventSubscriptions";
        if (method == "GET" && path.EndsWith(list, StringComparison.Ordinal))
        {
            return (200, $$"""{ "value": [{{string.Join(",", Subscriptions.Values.Select(s => s.Json))}}] }""");
        }

        foreach (var (name, subscription) in Subscriptions)
        {
            if (method == "POST" && path.EndsWith($"{list}/{name}/getFullUrl", StringComparison.Ordinal))
            {
                return (200, $$"""{ "endpointUrl": "{{subscription.FullUrl}}" }""");
            }
        }

        return (404, """{"error":{"code":"ResourceNotFound"}}""");
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private sealed class StaticCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
