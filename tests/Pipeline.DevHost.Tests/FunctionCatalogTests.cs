using System.Reflection;
using Pipeline.DevHost.Triggers;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Pipeline.DevHost.Tests;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void EveryQueueAndBlobFunction_HasAWebJobsTriggerInTheLocalHost()
    {
        var local = typeof(StorageTriggers).GetMethods()
            .Select(m => m.GetCustomAttribute<WebJobs.FunctionNameAttribute>()?.Name)
            .Where(n => n is not null)
            .ToHashSet();

        var missing = FunctionCatalog.All.Where(f => f.Http is null && !IsTimer(f)).Select(f => f.Name).Where(n => !local.Contains(n)).ToList();

        Assert.True(missing.Count == 0, $"functions the local host would never run: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryTimerFunction_IsRunByTheLocalHostsClock()
    {
        var timers = FunctionCatalog.All.Where(IsTimer).Select(f => f.Name).ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, name => Assert.Contains(name, TimerTriggers.Functions));
    }

    private static bool IsTimer(FunctionEntry function) =>
        function.Method.GetParameters().Any(p => p.GetCustomAttribute<Microsoft.Azure.Functions.Worker.TimerTriggerAttribute>() is not null);

    [Fact]
    public void HttpFunctions_AreDiscoveredWithTheirRoutes()
    {
        var routes = FunctionCatalog.Http.ToDictionary(f => f.Name, f => f.Http!.Route);

        Assert.Equal("api/links", routes["CreateShortLink"]);
        Assert.Equal("{code}", routes["FollowShortLink"]);
    }
}
