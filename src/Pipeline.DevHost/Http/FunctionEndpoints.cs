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
    public static void MapFunctionEndpoints(this WebApplication app, int apiPort)
    {
        foreach (var function in FunctionCatalog.Http)
        {
            var trigger = function.Http!;
            var route = "/" + (trigger.Route ?? function.Name);
            var methods = (trigger.Methods ?? ["GET", "POST"]).Select(m => m.ToUpperInvariant()).ToArray();
            var needsKey = trigger.AuthLevel != AuthorizationLevel.Anonymous;
            app.MapMethods(route, methods, context => InvokeAsync(context, function, needsKey))
                .RequireHost($"*:{apiPort}")
                .WithName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionEntry function, bool needsKey)
    {
        if (needsKey && !HasValidKey(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { code = "unauthorized", message = "this endpoint needs the API key (x-functions-key header or ?code=)" });
            return;
        }

        var instance = ActivatorUtilities.GetServiceOrCreateInstance(context.RequestServices, function.Type);
        var arguments = function.Method.GetParameters().Select(p => Bind(p, context)).ToArray();
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }

        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult action => action,
            _ => throw new InvalidOperationException($"{function.Name} must return IActionResult or Task<IActionResult>"),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        var value = context.GetRouteValue(parameter.Name!)?.ToString() ?? context.Request.Query[parameter.Name!].ToString();
        if (parameter.ParameterType == typeof(string))
        {
            return value;
        }

        throw new InvalidOperationException($"the local host cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType.Name}");
    }

    private static bool HasValidKey(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<DevHostOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        var given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault() ?? string.Empty;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
