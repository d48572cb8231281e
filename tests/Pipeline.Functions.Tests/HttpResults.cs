using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>Runs an <see cref="IActionResult"/> against a real ASP.NET Core response, to assert what a client receives.</summary>
internal static class HttpResults
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    /// <summary>A request; a query string in <paramref name="pathAndQuery"/> becomes the request's query.</summary>
    public static DefaultHttpContext Request(string method, string pathAndQuery, string? jsonBody = null, string? userAgent = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        var question = pathAndQuery.IndexOf('?');
        context.Request.Path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(pathAndQuery[question..]);
        if (userAgent is not null)
        {
            context.Request.Headers.UserAgent = userAgent;
        }

        if (jsonBody is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(jsonBody);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        context.Response.Body = new MemoryStream();
        // Let in as a key holder, as the access check does for a good key (the check itself: ManagementAccessTests).
        context.Items[Pipeline.Functions.Http.RequestActor.ItemKey] = Pipeline.Core.Audit.Actor.Key();
        return context;
    }

    /// <summary>Status, headers and, for a JSON response, the parsed body.</summary>
    public static async Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> ExecuteAsync(IActionResult result, DefaultHttpContext context)
    {
        var (status, headers, body) = await ExecuteRawAsync(result, context);
        JsonElement? json = body.Length > 0 && (context.Response.ContentType ?? "application/json").Contains("json", StringComparison.Ordinal)
            ? JsonDocument.Parse(body).RootElement.Clone()
            : null;
        return (status, headers, json);
    }

    public static async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> ExecuteRawAsync(IActionResult result, DefaultHttpContext context)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.Headers, ((MemoryStream)context.Response.Body).ToArray());
    }

    /// <summary>Builds the request, runs a function with it and executes its result: one call per HTTP exchange.</summary>
    public static async Task<(int Status, IHeaderDictionary Headers, JsonElement? Json)> CallAsync(
        Func<HttpRequest, Task<IActionResult>> function, string method, string pathAndQuery, string? jsonBody = null, string? userAgent = null)
    {
        var context = Request(method, pathAndQuery, jsonBody, userAgent);
        return await ExecuteAsync(await function(context.Request), context);
    }
}
