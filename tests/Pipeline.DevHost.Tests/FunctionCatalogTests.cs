using System.Reflection;
using Pipeline.DevHost.Triggers;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Pipeline.DevHost.Tests;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void EveryNonHttpFunction_HasAWebJobsTriggerInTheLocalHost()
    {
        var local = typeof(StorageTriggers).GetMethods()
            .Select(m => m.GetCustomAttribute<WebJobs.FunctionNameAttribute>()?.Name)
            .Where(n => n is not null)
            .ToHashSet();

        var missing = FunctionCatalog.All.Where(f => f.Http is null).Select(f => f.Name).Where(n => !local.Contains(n)).ToList();

        Assert.True(missing.Count == 0, $"functions the local host would never run: {string.Join(", ", missing)}");
    }

    [Fact]
    public void HttpFunctions_AreDiscoveredWithTheirRoutes()
    {
        var routes = FunctionCatalog.Http.ToDictionary(f => f.Name, f => f.Http!.Route);

        Assert.Equal("api/links", routes["CreateShortLink"]);
        Assert.Equal("{code}", routes["FollowShortLink"]);
    }
}
