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

    [Theory]
    [InlineData("0 * * * * *", "2026-12-04T09:00:30Z", "2026-12-04T09:01:00Z")]
    [InlineData("0 */5 * * * *", "2026-12-04T09:03:10Z", "2026-12-04T09:05:00Z")]
    [InlineData("0 */5 * * * *", "2026-12-04T09:05:00Z", "2026-12-04T09:10:00Z")]
    [InlineData("0 */5 * * * *", "2026-12-04T23:58:00Z", "2026-12-05T00:00:00Z")]
    public void Timers_FireAtTheWallClockTimesTheirScheduleNames_AsInAzure(string schedule, string after, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TimerTriggers.NextRun(schedule, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void EveryTimerSchedule_IsOneTheLocalHostCanRead()
    {
        foreach (var function in FunctionCatalog.Timers)
        {
            var schedule = function.Timer!.Schedule;
            var next = TimerTriggers.NextRun(schedule, DateTimeOffset.UtcNow);
            Assert.True(next > DateTimeOffset.UtcNow && next < DateTimeOffset.UtcNow.AddHours(1), $"{function.Name}: '{schedule}' next fires {next:O}");

            // The local host calls it as Run(TimerInfo, CancellationToken), as the worker binds it.
            Assert.Equal([typeof(Microsoft.Azure.Functions.Worker.TimerInfo), typeof(CancellationToken)], function.Method.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(Task), function.Method.ReturnType);
        }
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
