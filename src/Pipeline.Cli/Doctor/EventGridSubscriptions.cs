using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Pipeline.Cli.Output;

namespace Pipeline.Cli.Doctor;

/// <summary>
/// Reads the event subscriptions of the storage account's Event Grid system topic from Azure Resource Manager, and
/// decides whether one of them delivers <c>BlobCreated</c> events for the uploads container to the blob trigger's webhook
/// (what <c>infra/hooks/postdeploy.sh</c> creates).
/// </summary>
public sealed class EventGridSubscriptions(HttpClient http, TokenCredential credential, Uri managementEndpoint)
{
    public const string ApiVersion = "2025-02-15";
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
    public const string WebhookPath = "/runtime/webhooks/blobs";

    /// <summary>The function whose blob trigger the subscription feeds (postdeploy.sh and the Infra tests name it too).</summary>
    public const string FunctionName = "IngestArticle";

    public sealed record Target(string SubscriptionId, string ResourceGroup, string Topic, string FunctionAppHost, string Container);

    public async Task<DoctorStep> CheckAsync(string step, Target target, CancellationToken cancellationToken)
    {
        var topicPath = $"subscriptions/{Uri.EscapeDataString(target.SubscriptionId)}/resourceGroups/{Uri.EscapeDataString(target.ResourceGroup)}" +
                        $"/providers/Microsoft.EventGrid/systemTopics/{Uri.EscapeDataString(target.Topic)}/eventSubscriptions";
        var subscriptions = new List<JsonElement>();
        for (Uri? next = new(managementEndpoint, $"{topicPath}?api-version={ApiVersion}"); next is not null;)
        {
            var (status, page) = await SendAsync(HttpMethod.Get, next, cancellationToken);
            switch (status)
            {
                case HttpStatusCode.NotFound:
                    return DoctorStep.Fail(step, $"there is no Event Grid system topic '{target.Topic}' in resource group '{target.ResourceGroup}'",
                        "provision the infrastructure: azd provision (infra/main.bicep creates the topic)");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    return DoctorStep.Fail(step, $"Azure Resource Manager refused to list the subscriptions of '{target.Topic}' ({(int)status})",
                        $"sign in with an identity that has Reader on resource group '{target.ResourceGroup}' (az login)", ExitCodes.Unauthorized);
                case not HttpStatusCode.OK:
                    return DoctorStep.Fail(step, $"Azure Resource Manager answered {(int)status} listing the subscriptions of '{target.Topic}'",
                        "try again; if it persists, check the topic in the Azure portal", ExitCodes.Unreachable);
            }

            subscriptions.AddRange(page!.Value.Items("value"));
            next = page.Value.Str("nextLink") is { } link ? new Uri(link) : null;
        }

        var (match, problem) = Find(subscriptions, target);
        var fix = $"subscribe the blob trigger: AZURE_RESOURCE_GROUP={target.ResourceGroup} AZURE_EVENTGRID_SYSTEM_TOPIC_NAME={target.Topic} " +
                  "infra/hooks/postdeploy.sh (azd deploy runs it)";
        if (match is null)
        {
            return DoctorStep.Fail(step, problem!, fix);
        }

        // The list hides the webhook's query (it carries a key); the full URL says which function it calls. Reading it is
        // an action some reader roles lack, so a refusal leaves that part unchecked rather than failing the step.
        var name = match.Value.Str("name") ?? string.Empty;
        var (urlStatus, full) = await SendAsync(HttpMethod.Post, new Uri(managementEndpoint, $"{topicPath}/{Uri.EscapeDataString(name)}/getFullUrl?api-version={ApiVersion}"), cancellationToken);
        if (urlStatus != HttpStatusCode.OK || full?.Str("endpointUrl") is not { } endpointUrl || !Uri.TryCreate(endpointUrl, UriKind.Absolute, out var endpoint))
        {
            return DoctorStep.Pass(step, $"subscription '{name}' sends BlobCreated for {target.Container}/ to {target.FunctionAppHost} " +
                                         $"(which function was not checked: reading its full URL answered {(int)urlStatus})");
        }

        var function = QueryValue(endpoint, "functionName");
        return function == $"Host.Functions.{FunctionName}"
            ? DoctorStep.Pass(step, $"subscription '{name}' sends BlobCreated for {target.Container}/ to {FunctionName} on {target.FunctionAppHost}")
            : DoctorStep.Fail(step, $"subscription '{name}' calls function '{function}', not Host.Functions.{FunctionName}", fix);
    }

    /// <summary>
    /// The subscription that delivers the uploads' <c>BlobCreated</c> events to the app's blob webhook, or null and why
    /// none does (the closest one's fault, so the message points at what to change).
    /// </summary>
    public static (JsonElement? Match, string? Problem) Find(IReadOnlyList<JsonElement> subscriptions, Target target)
    {
        var subject = $"/blobServices/default/containers/{target.Container}/";
        var toApp = subscriptions.Where(s => PointsAtWebhook(s, target.FunctionAppHost)).ToList();
        if (toApp.Count == 0)
        {
            var elsewhere = subscriptions.Select(s => s.Obj("properties")?.Obj("destination")?.Obj("properties")?.Str("endpointBaseUrl")).OfType<string>().ToList();
            return (null, subscriptions.Count == 0
                ? $"the topic '{target.Topic}' has no event subscriptions, so uploads never reach the blob trigger"
                : $"no subscription of '{target.Topic}' sends events to https://{target.FunctionAppHost}{WebhookPath} " +
                  $"(they go to: {(elsewhere.Count == 0 ? "other kinds of endpoint" : string.Join(", ", elsewhere))})");
        }

        foreach (var candidate in toApp)
        {
            var properties = candidate.Obj("properties")!.Value;
            var filter = properties.Obj("filter");
            var types = filter?.Items("includedEventTypes").Select(t => t.GetString()).ToList() ?? [];
            var begins = filter?.Str("subjectBeginsWith") ?? string.Empty;
            if (properties.Str("provisioningState") == "Succeeded" && (types.Count == 0 || types.Contains(BlobCreated)) &&
                subject.StartsWith(begins, StringComparison.OrdinalIgnoreCase))
            {
                return (candidate, null);
            }
        }

        var first = toApp[0].Obj("properties")!.Value;
        var state = first.Str("provisioningState");
        var firstFilter = first.Obj("filter");
        return (null, state != "Succeeded"
            ? $"subscription '{toApp[0].Str("name")}' is {state ?? "in an unknown state"}, not Succeeded"
            : $"subscription '{toApp[0].Str("name")}' does not deliver BlobCreated for {target.Container}/ " +
              $"(event types: {string.Join(", ", firstFilter?.Items("includedEventTypes").Select(t => t.GetString()) ?? [])}; " +
              $"subject begins with: '{firstFilter?.Str("subjectBeginsWith")}')");
    }

    private static bool PointsAtWebhook(JsonElement subscription, string functionAppHost)
    {
        var destination = subscription.Obj("properties")?.Obj("destination");
        return destination?.Str("endpointType") == "WebHook" &&
               destination.Value.Obj("properties")?.Str("endpointBaseUrl") is { } baseUrl &&
               Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) &&
               string.Equals(url.Host, functionAppHost, StringComparison.OrdinalIgnoreCase) &&
               string.Equals(url.AbsolutePath.TrimEnd('/'), WebhookPath, StringComparison.OrdinalIgnoreCase);
    }

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))
            .FirstOrDefault();

    private async Task<(HttpStatusCode Status, JsonElement? Body)> SendAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        var scope = new Uri(managementEndpoint, ".default").ToString();
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }

        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return (response.StatusCode, document.RootElement.Clone());
    }
}
