using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline republish</c>: asks the API to render articles again (it queues the work) and follows the pages as they
/// are rewritten: an article is done when its live version is back at its current version.
/// </summary>
public sealed class RepublishCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<RepublishCommand.Settings>(console, environment, http)
{
    private const int PollParallelism = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public sealed class Settings : WaitSettings
    {
        [CommandArgument(0, "[ID]")]
        [Description("One article's id.")]
        public string? Id { get; set; }

        [CommandOption("--all")]
        [Description("Every published article.")]
        public bool All { get; set; }

        [CommandOption("-s|--section <SECTION>")]
        [Description("Every published article of one section.")]
        public string? Section { get; set; }

        public override ValidationResult Validate()
        {
            var scopes = (Id is null ? 0 : 1) + (Section is null ? 0 : 1) + (All ? 1 : 0);
            return scopes == 1 ? base.Validate() : ValidationResult.Error("say what to republish: an article id, --section <SECTION> or --all");
        }
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (settings, api, _, output) = scope;
        var queued = await api.SendAsync(HttpMethod.Post, "api/articles/republish", new { id = settings.Id, section = settings.Section, all = settings.All }, cancellationToken);
        var articles = queued.Items("articles").ToList();
        if (settings.NoWait || articles.Count == 0)
        {
            if (output.IsJson)
            {
                output.WriteJson(queued);
            }
            else
            {
                output.Line(articles.Count == 0 ? "Nothing to republish: no published articles there." : $"Queued {articles.Count} articles for rendering.");
            }

            return ExitCodes.Ok;
        }

        var live = await FollowAsync(api, articles, output, TimeSpan.FromSeconds(settings.Timeout), cancellationToken);
        var pending = articles.Where(a => !live.ContainsKey(a.Str("id")!)).Select(a => a.Str("id")).ToList();
        if (output.IsJson)
        {
            output.WriteJson(new { requested = articles.Count, rendered = live.Count, pending, articles = live.Values });
        }
        else if (pending.Count == 0)
        {
            output.Line($"[green]✔[/] Republished {live.Count} {(live.Count == 1 ? "article" : "articles")}.");
        }
        else
        {
            output.Line($"[yellow]…[/] {live.Count} of {articles.Count} pages rewritten; still waiting for: {Markup.Escape(string.Join(", ", pending))}");
        }

        return pending.Count == 0 ? ExitCodes.Ok : ExitCodes.TimedOut;
    }

    /// <summary>Polls the articles until each one's page is live again; returns the final record of each that is.</summary>
    private static async Task<Dictionary<string, JsonElement>> FollowAsync(
        PipelineApi api, IReadOnlyList<JsonElement> articles, CliOutput output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var live = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        async Task PollAsync(Action<int> report)
        {
            while (live.Count < articles.Count && clock.Elapsed < timeout)
            {
                var pending = articles.Select(a => a.Str("id")!).Where(id => !live.ContainsKey(id)).ToList();
                var found = new JsonElement?[pending.Count];
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, pending.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = PollParallelism, CancellationToken = cancellationToken },
                    async (i, ct) => found[i] = (await api.FindAsync("api/articles/" + PipelineApi.Segment(pending[i]), ct))?.Obj("article"));
                for (var i = 0; i < pending.Count; i++)
                {
                    if (found[i] is { } article && article.Int("renderedVersion") >= article.Int("version"))
                    {
                        live[pending[i]] = article;
                    }
                }

                report(live.Count);
                if (live.Count < articles.Count)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
        }

        if (output.IsLive)
        {
            await output.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Pages rewritten", maxValue: articles.Count);
                    await PollAsync(done => task.Value = done);
                });
        }
        else
        {
            await PollAsync(_ => { });
        }

        return live;
    }
}
