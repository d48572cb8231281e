using System.ComponentModel;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline links create &lt;url&gt;</c>: shortens a URL, with a chosen code and expiry if wanted.</summary>
public sealed class LinksCreateCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http, TimeProvider clock)
    : PipelineCommand<LinksCreateCommand.Settings>(console, environment, http)
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "<URL>")]
        [Description("The absolute http(s) URL to shorten.")]
        public string Url { get; set; } = string.Empty;

        [CommandOption("-c|--code <CODE>")]
        [Description("The code to use (3-32 of A-Z a-z 0-9 _ -); generated when left out.")]
        public string? Code { get; set; }

        [CommandOption("--expires <WHEN>")]
        [Description("When the link stops redirecting: 90m, 12h, 30d from now, or a date/time like 2026-12-31 (UTC unless a zone is given).")]
        public string? Expires { get; set; }

        [CommandOption("--title <TITLE>")]
        [Description("A title to recognise the link by.")]
        public string? Title { get; set; }

        [CommandOption("--no-query")]
        [Description("Do not add the short URL's query (?utm_source=…) to the target.")]
        public bool NoQuery { get; set; }

        public override ValidationResult Validate() =>
            Expires is not null && !Expiry.TryParse(Expires, DateTimeOffset.UtcNow, out _)
                ? ValidationResult.Error($"--expires must be like 90m, 12h, 30d or 2026-12-31, not '{Expires}'")
                : base.Validate();
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (settings, _, _, output) = scope;
        DateTimeOffset? expiresAt = settings.Expires is { } expires && Expiry.TryParse(expires, clock.GetUtcNow(), out var at) ? at : null;
        await CallAsync(scope, HttpMethod.Post, "api/links", new { url = settings.Url, code = settings.Code, title = settings.Title, expiresAt, passQuery = settings.NoQuery ? false : (bool?)null }, link =>
        {
            output.Line($"[green]✔[/] [link]{Markup.Escape(link.Str("shortUrl") ?? string.Empty)}[/] → {Markup.Escape(link.Str("url") ?? string.Empty)}");
            if (link.Str("expiresAt") is not null)
            {
                output.Line($"  expires {link.Time("expiresAt")}");
            }
        }, cancellationToken);
        return ExitCodes.Ok;
    }
}
