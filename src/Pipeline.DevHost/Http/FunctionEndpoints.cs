using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Pipeline.DevHost.Http;

/// <summary>Maps every HTTP-triggered function of Pipeline.Functions onto Kestrel with its route, methods and key requirement.</summary>
public static class FunctionEndpoints
{
    private static readonly ActionDescriptor NoAction = new();

    public static void MapFunctionEndpoints(this WebApplication app, int apiPort)
    {
        var options = app.Services.GetRequiredService<IOptions<DevHostOptions>>().Value;
        var apiKey = options.ApiKey;
        var openDesk = options.OpenDesk;
        if (string.IsNullOrEmpty(apiKey))
        {
            // Never open: an empty key would serve management routes to anyone who can reach the port.
            throw new InvalidOperationException("the local host has no management key (DevHost:ApiKey)");
        }

        var expectedKey = Encoding.UTF8.GetBytes(apiKey);
        foreach (var function in FunctionCatalog.Http)
        {
            var trigger = function.Http!;
            var route = "/" + (trigger.Route ?? function.Name);
            var methods = (trigger.Methods ?? ["GET", "POST"]).Select(m => m.ToUpperInvariant()).ToArray();
            var key = trigger.AuthLevel == AuthorizationLevel.Anonymous ? null : expectedKey;
            var invoke = Compile(function);
            app.MapMethods(route, methods, context => InvokeAsync(context, invoke, key, openDesk))
                .RequireHost($"*:{apiPort}")
                .WithName(function.Name);
        }

        // What the Functions host answers when no function takes the request: its routes carry their methods, so a
        // known route with another method is no match either (404, where ASP.NET routing alone would answer 405);
        // "/" is the host's home page, which the deployment turns off (AzureWebJobsDisableHomepage), leaving 204.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = context.Request.Path.Value == "/" ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).RequireHost($"*:{apiPort}");
    }

    /// <summary>The header the desk sends instead of a key when the local host runs with <see cref="DevHostOptions.OpenDesk"/>.</summary>
    public const string OpenDeskHeader = "x-pipeline-desk";

    private static async Task InvokeAsync(HttpContext context, Func<HttpContext, Task<IActionResult>> invoke, byte[]? expectedKey, bool openDesk)
    {
        if (expectedKey is not null && !HasKey(context, expectedKey))
        {
            // As the Functions host answers a missing or wrong key: the status alone, no body.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (openDesk && IsOpenDesk(context))
        {
            // The management routes are anonymous to the host and check their callers themselves; this tells them who.
            context.Items[Functions.Http.RequestActor.ItemKey] = OpenDeskActor;
        }

        var result = await invoke(context);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), NoAction));
    }

    /// <summary>
    /// Builds, once per function, a delegate that creates the function class from DI and calls its method with bound
    /// arguments: what reflection (<c>GetParameters</c>, <c>MethodInfo.Invoke</c>) would otherwise work out per request.
    /// </summary>
    private static Func<HttpContext, Task<IActionResult>> Compile(FunctionEntry function)
    {
        var factory = ActivatorUtilities.CreateFactory(function.Type, Type.EmptyTypes);
        var context = Expression.Parameter(typeof(HttpContext), "context");
        var instance = Expression.Convert(
            Expression.Invoke(Expression.Constant(factory), Expression.Property(context, nameof(HttpContext.RequestServices)), Expression.Constant(null, typeof(object[]))),
            function.Type);
        var call = Expression.Call(instance, function.Method, function.Method.GetParameters().Select(p => Bind(p, context, function.Name)));

        Expression body;
        if (function.Method.ReturnType == typeof(Task<IActionResult>))
        {
            body = call;
        }
        else if (function.Method.ReturnType == typeof(IActionResult))
        {
            body = Expression.Call(typeof(Task), nameof(Task.FromResult), [typeof(IActionResult)], call);
        }
        else
        {
            throw new InvalidOperationException($"{function.Name} must return IActionResult or Task<IActionResult>");
        }

        return Expression.Lambda<Func<HttpContext, Task<IActionResult>>>(body, context).Compile();
    }

    private static Expression Bind(ParameterInfo parameter, ParameterExpression context, string functionName)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return Expression.Property(context, nameof(HttpContext.Request));
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return Expression.Property(context, nameof(HttpContext.RequestAborted));
        }

        if (parameter.ParameterType == typeof(string))
        {
            return Expression.Call(typeof(FunctionEndpoints).GetMethod(nameof(RouteOrQueryValue), BindingFlags.NonPublic | BindingFlags.Static)!,
                context, Expression.Constant(parameter.Name));
        }

        throw new InvalidOperationException($"the local host cannot bind parameter '{parameter.Name}' of {functionName} (type {parameter.ParameterType.Name})");
    }

    private static string RouteOrQueryValue(HttpContext context, string name) =>
        context.Request.RouteValues[name]?.ToString() ?? context.Request.Query[name].ToString();

    /// <summary>
    /// A call from this machine's desk without a key: from a loopback address, with the desk's header. A page of another
    /// site in the same browser cannot send that header without a CORS preflight, which the local host never approves,
    /// so opening the desk does not open the API to every site the developer visits.
    /// </summary>
    private static bool IsOpenDesk(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address) && context.Request.Headers[OpenDeskHeader] == "open";

    private static readonly Core.Audit.Actor OpenDeskActor = new("local desk (no sign-in)", null, Core.Audit.Actor.KeyKind);

    private static bool HasKey(HttpContext context, byte[] expected)
    {
        var given = Functions.Access.HostKeyCheck.KeyOf(context.Request) ?? string.Empty;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
    }
}
