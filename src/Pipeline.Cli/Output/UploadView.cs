using System.Text.Json;
using Spectre.Console;

namespace Pipeline.Cli.Output;

/// <summary>One upload's status for people: its state, then per article the page and short URL, or why it failed.</summary>
public static class UploadView
{
    public static void Write(CliOutput output, string name, JsonElement? status, bool done = true)
    {
        var escaped = Markup.Escape(name);
        if (status is not { } upload)
        {
            output.Line($"[yellow]…[/] [bold]{escaped}[/] has not been picked up by the pipeline yet; is the host running against this storage?");
            return;
        }

        var state = upload.Str("state") ?? "unknown";
        var articles = upload.Items("articles").ToList();
        if (state == "failed")
        {
            output.Line($"[red]✘[/] [bold]{escaped}[/] failed: {Markup.Escape(upload.Str("reason") ?? "no reason recorded")}");
        }
        else if (state == "waiting")
        {
            // A picture whose article is not there yet: nothing to do until it is, so it counts as done.
            output.Line($"[yellow]…[/] [bold]{escaped}[/] waits: {Markup.Escape(upload.Str("reason") ?? "for its article")}");
        }
        else if (!done)
        {
            var reason = upload.Str("reason") is { } why ? $": {Markup.Escape(why)}" : string.Empty;
            output.Line($"[yellow]…[/] [bold]{escaped}[/] is still {state}{reason}; follow it with: pipeline status {escaped}");
        }
        else
        {
            var with = upload.Str("shownWith") is { } article ? $", shown with {Markup.Escape(article)}" : string.Empty;
            output.Line($"[green]✔[/] [bold]{escaped}[/] {state}, {articles.Count} {(articles.Count == 1 ? "article" : "articles")}{with}");
        }

        foreach (var article in articles)
        {
            WriteArticle(output, article);
        }

        foreach (var warning in upload.Items("warnings"))
        {
            output.Line($"    [yellow]warning:[/] {Markup.Escape(warning.GetString() ?? string.Empty)}");
        }
    }

    private static void WriteArticle(CliOutput output, JsonElement article)
    {
        var state = article.Str("state");
        var note = state != "published" ? $" [yellow]({state})[/]"
            : article.Int("renderedVersion") < article.Int("version") ? " [yellow](page being rendered)[/]"
            : string.Empty;
        output.Line($"    {Markup.Escape(article.Str("headline") ?? string.Empty)}{note}");
        if (article.Str("url") is { } url)
        {
            output.Line($"      page   [link]{Markup.Escape(url)}[/]");
        }

        if (state == "review")
        {
            foreach (var reason in article.Items("reviewReasons"))
            {
                output.Line($"      held   {Markup.Escape(reason.GetString() ?? string.Empty)}");
            }

            var id = Markup.Escape(article.Str("id") ?? string.Empty);
            output.Line($"      decide pipeline review approve {id} [grey](--headline … to correct)[/] or pipeline review reject {id}");
            return;
        }

        output.Line($"      short  [link]{Markup.Escape(article.Str("shortUrl") ?? string.Empty)}[/]");
    }
}
