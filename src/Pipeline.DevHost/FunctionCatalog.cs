using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Functions.Functions;

namespace Pipeline.DevHost;

/// <summary>The function classes of Pipeline.Functions and their triggers, read by reflection as the Functions host reads metadata.</summary>
public static class FunctionCatalog
{
    public static Assembly FunctionsAssembly => typeof(IngestArticle).Assembly;

    /// <summary>Every <c>[Function]</c> method with its name.</summary>
    public static IReadOnlyList<FunctionEntry> All { get; } = Discover();

    public static IEnumerable<FunctionEntry> Http => All.Where(f => f.Http is not null);

    public static IEnumerable<FunctionEntry> Timers => All.Where(f => f.Timer is not null);

    private static List<FunctionEntry> Discover()
    {
        var entries = new List<FunctionEntry>();
        foreach (var type in FunctionsAssembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                var http = parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
                var timer = parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null);
                entries.Add(new FunctionEntry(function.Name, type, method, http, timer));
            }
        }

        return entries;
    }
}

/// <summary>One function: its class, method and, for HTTP and timer functions, the trigger attribute.</summary>
public sealed record FunctionEntry(string Name, Type Type, MethodInfo Method, HttpTriggerAttribute? Http, TimerTriggerAttribute? Timer = null);
