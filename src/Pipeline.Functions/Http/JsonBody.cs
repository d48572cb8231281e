using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Core.Links;

namespace Pipeline.Functions.Http;

/// <summary>
/// Reads a bounded JSON request body. Whatever a client sends, the answer is a client error with a sentence about the
/// body, never an exception: no .NET type names (a mistyped field is named by its JSON path) and no unhandled
/// exception in the log for a body that arrives too slowly or is cut off.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="optional">An empty body is no error: both results are null.</param>
    /// <returns>The value, or the answer to give instead (both null for an empty optional body).</returns>
    public static async Task<(T? Value, IActionResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, bool optional = false)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Invalid($"request body is larger than {MaxBytes / 1024} KB"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return (null, Invalid($"request body is larger than {MaxBytes / 1024} KB"));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's minimum data rate or a malformed chunked body. The server has already decided the status
            // (408 for a slow body); the answer keeps it.
            return (null, ApiResults.Error(ex.StatusCode, ex.StatusCode == StatusCodes.Status408RequestTimeout ? "request_timeout" : LinkErrorCodes.InvalidBody,
                ex.StatusCode == StatusCodes.Status408RequestTimeout ? "the request body arrived too slowly" : "the request body could not be read"));
        }
        catch (IOException)
        {
            // The client went away in the middle of its body; nobody reads this answer.
            return (null, Invalid("the request body was cut off"));
        }

        if (buffer.Length == 0)
        {
            return (null, optional ? null : Invalid("request body is empty: send a JSON object"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, Invalid("request body must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(Describe(ex)));
        }
    }

    /// <summary>Where the body went wrong, in JSON terms: the serializer's own message names .NET types.</summary>
    private static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? $" (line {line + 1}, byte {column + 1})"
            : string.Empty;
        return ex.Path is { Length: > 1 } path && path != "$"
            ? $"request body has a value of the wrong type at {path}{where}"
            : $"request body is not valid JSON{where}";
    }

    private static IActionResult Invalid(string message) => ApiResults.Error(StatusCodes.Status400BadRequest, LinkErrorCodes.InvalidBody, message);
}
