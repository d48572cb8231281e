using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Cli.Output;

namespace Pipeline.Cli.Connection;

/// <summary>
/// The pipeline's management API as the command line calls it: JSON in, JSON out, and every way a call can fail turned
/// into a <see cref="CliException"/> that says what to do about it.
/// </summary>
public sealed class PipelineApi(HttpClient http, ApiEndpoint endpoint)
{
    private const string KeyHeader = "x-functions-key";

    public Uri BaseAddress => endpoint.BaseAddress;

    /// <summary>The API path of an upload; names keep their folders, each segment escaped.</summary>
    public static string UploadPath(string name) => "api/uploads/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    public static string Segment(string value) => Uri.EscapeDataString(value);

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>The resource at <paramref name="path"/>, or null when the API says it does not exist (404).</summary>
    public async Task<JsonElement?> FindAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, cancellationToken);
        }
        catch (CliException ex) when (ex.Code == "not_found")
        {
            return null;
        }
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint.BaseAddress, path));
        if (endpoint.Key is { } key)
        {
            request.Headers.Add(KeyHeader, key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        using var response = await SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new CliException(ExitCodes.Unauthorized, "unauthorized",
                $"the API at {endpoint.BaseAddress} refused the key (401): pass --key, set {CliEnvironment.KeyVariable}, or run from the checkout " +
                $"whose local host wrote {ApiEndpoint.LocalKeyFile}");
        }

        var json = Parse(text);
        if (!response.IsSuccessStatusCode)
        {
            var code = json?.Str("code") ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = json?.Str("message") ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            var exit = response.StatusCode == HttpStatusCode.BadRequest ? ExitCodes.Invalid : ExitCodes.Failed;
            throw new CliException(exit, code, message);
        }

        return json ?? throw new CliException(ExitCodes.Failed, "invalid_response", $"the API at {endpoint.BaseAddress} answered {method} {path} without JSON");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            throw new CliException(ExitCodes.Unreachable, "api_unreachable",
                $"the API at {endpoint.BaseAddress} is not answering; is the local host running? dotnet run --project src/Pipeline.DevHost " +
                "(or pass --api with the function app's URL)", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Unreachable, "api_timeout", $"the API at {endpoint.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s", ex);
        }
    }

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
