using System.Text.Json;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline links show &lt;code&gt;</c>: a link's target and clicks, and its QR code drawn in the terminal.</summary>
public sealed class LinksShowCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<LinkCodeSettings>(console, environment, http)
{
    private const int RecentDays = 7;

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        await CallAsync(scope, HttpMethod.Get, "api/links/" + PipelineApi.Segment(scope.Settings.Code), null, link => Show(scope.Output, link), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement link)
    {
        var clicks = link.Obj("clicks");
        output.Write(new FactGrid()
            .Add("short", link.Str("shortUrl"))
            .Add("target", link.Str("url"))
            .Add("title", link.Str("title"))
            .Add("article", link.Str("articleId"))
            .Add("created", link.Time("createdAt"))
            .Add("expires", link.Time("expiresAt"))
            .Add("archived", link.Time("archivedAt"))
            .Add("clicks", $"{clicks?.Long("clicks") ?? 0:N0} people, {clicks?.Long("bots") ?? 0:N0} bots and previews")
            .Build());

        var days = clicks?.Items("days").TakeLast(RecentDays).ToList() ?? [];
        if (days.Count > 0)
        {
            var chart = new BarChart().Label($"[grey]last {days.Count} days with clicks[/]");
            foreach (var day in days)
            {
                chart.AddItem(day.Str("day") ?? string.Empty, day.Long("clicks"), Color.Green);
            }

            output.Write(chart);
        }

        if (link.Str("shortUrl") is { } shortUrl)
        {
            output.Write(TerminalQrCode.Draw(shortUrl));
        }
    }
}
