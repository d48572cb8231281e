using System.ComponentModel;
using System.Text.Json;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline articles list</c>: published articles newest first, in all sections, one section, a tag or a month.</summary>
public sealed class ArticlesListCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<ArticlesListCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandOption("-s|--section <SECTION>")]
        [Description("Only this section.")]
        public string? Section { get; set; }

        [CommandOption("-t|--tag <TAG>")]
        [Description("Only articles with this tag.")]
        public string? Tag { get; set; }

        [CommandOption("--month <YYYY-MM>")]
        [Description("Only articles first published in this month.")]
        public string? Month { get; set; }

        [CommandOption("--top <N>")]
        [Description("How many articles (1 to 200).")]
        [DefaultValue(20)]
        public int Top { get; set; } = 20;

        [CommandOption("--continuation <TOKEN>")]
        [Description("Continue a listing where the previous page ended.")]
        public string? Continuation { get; set; }
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var settings = scope.Settings;
        var query = new List<string> { $"top={settings.Top}" };
        AddQuery(query, "section", settings.Section);
        AddQuery(query, "tag", settings.Tag);
        AddQuery(query, "month", settings.Month);
        AddQuery(query, "continuation", settings.Continuation);
        await CallAsync(scope, HttpMethod.Get, "api/articles?" + string.Join('&', query), null, page => Show(scope.Output, page), cancellationToken);
        return ExitCodes.Ok;
    }

    private static void Show(CliOutput output, JsonElement page)
    {
        var table = new Table().AddColumns("Id", "Headline", "Section", "Published", "Page");
        foreach (var article in page.Items("items"))
        {
            table.AddRow(
                new Text(article.Str("id") ?? string.Empty),
                new Text(article.Str("headline") ?? string.Empty),
                new Text(article.Str("section") ?? string.Empty),
                new Text(article.Time("publishedAt")),
                new Text(article.Str("url") ?? string.Empty));
        }

        output.Write(table);
        if (page.Str("continuation") is { } next)
        {
            output.Line($"[grey]More: add --continuation {Markup.Escape(next)}[/]");
        }
    }

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
