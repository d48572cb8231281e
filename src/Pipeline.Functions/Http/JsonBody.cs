using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Functions.Http;

/// <summary>Reads a bounded JSON request body, turning malformed input into a message instead of an exception.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="optional">An empty body is no error: both results are null.</param>
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, bool optional = false)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"request body is larger than {MaxBytes / 1024} KB");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"request body is larger than {MaxBytes / 1024} KB");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, optional ? null : "request body is empty: send a JSON object");
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, "request body must be a JSON object") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"request body is not valid JSON: {ex.Message}");
        }
    }
}
