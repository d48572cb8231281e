using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Core.Links;

namespace Pipeline.Functions.Http;

/// <summary>
/// 429 with <c>Retry-After</c>: the client has caused too many storage lookups of late. Written as prepared bytes,
/// without the MVC formatter, because a client being refused may be sending thousands of these a second.
/// </summary>
public sealed class RetryLaterResult(TimeSpan retryAfter) : IActionResult
{
    private static readonly byte[] Body = JsonSerializer.SerializeToUtf8Bytes(
        new ApiError(LinkErrorCodes.RateLimited, "too many unknown or uncached codes from this client; try again shortly"),
        new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body).AsTask();
    }
}
