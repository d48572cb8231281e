using Microsoft.AspNetCore.Mvc;

namespace Pipeline.Functions.Http;

/// <summary>
/// A redirect with its caching header, written directly: MVC's <c>RedirectResult</c> builds a URL helper per request,
/// which the hottest endpoint does not need for an absolute URL that was validated when the link was made.
/// </summary>
public sealed class RedirectActionResult(string location, int status, string cacheControl) : IActionResult
{
    public string Location => location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.Headers.Location = location;
        response.Headers.CacheControl = cacheControl;
        return Task.CompletedTask;
    }
}
