using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli;

/// <summary>The <c>pipeline</c> command line: its commands, their help and examples.</summary>
public static class PipelineCli
{
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        Create(environment, console).RunAsync(args, cancellationToken);

    public static CommandApp Create(CliEnvironment environment, IAnsiConsole console)
    {
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton(console);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(100) });

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("pipeline");
            config.ConfigureConsole(console);
            config.ValidateExamples();
            config.SetExceptionHandler((ex, _) =>
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ex is CommandParseException or CommandRuntimeException ? ExitCodes.Invalid : ExitCodes.Failed;
            });

            config.AddCommand<UploadCommand>("upload")
                .WithDescription("Upload article files or folders, wait until they are published, and print each article's page and short URL.")
                .WithExample("upload", "story.txt")
                .WithExample("upload", "../shared/samples/seed-articles.txt", "--section", "pakistan")
                .WithExample("upload", "desk/", "--no-wait", "--json");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Recent uploads with their state, article counts and reasons; or one upload in detail.")
                .WithExample("status")
                .WithExample("status", "--top", "50")
                .WithExample("status", "pakistan/seed-articles.txt");
            config.AddBranch("articles", articles =>
            {
                articles.SetDescription("List, show and unpublish published articles.");
                articles.AddCommand<ArticlesListCommand>("list")
                    .WithDescription("Published articles, newest first.")
                    .WithExample("articles", "list", "--section", "pakistan", "--top", "10");
                articles.AddCommand<ArticlesShowCommand>("show")
                    .WithDescription("One article with its URLs, state and version history.")
                    .WithExample("articles", "show", "k3v9x2m4q8w7e5r1");
                articles.AddCommand<ArticlesDiffCommand>("diff")
                    .WithDescription("What changed between two versions of an article, word by word.")
                    .WithExample("articles", "diff", "k3v9x2m4q8w7e5r1")
                    .WithExample("articles", "diff", "k3v9x2m4q8w7e5r1", "--from", "1", "--to", "3");
                articles.AddCommand<ArticlesUnpublishCommand>("unpublish")
                    .WithDescription("Take an article down: its page then answers 410 and its short link is archived.")
                    .WithExample("articles", "unpublish", "k3v9x2m4q8w7e5r1");
            });
            config.AddBranch("review", review =>
            {
                review.SetDescription("Articles the pipeline was unsure of, held until an editor approves or rejects them.");
                review.SetDefaultCommand<ReviewListCommand>();
                review.AddCommand<ReviewListCommand>("list")
                    .WithDescription("Held articles with why each was held.")
                    .WithExample("review", "list", "--top", "20");
                review.AddCommand<ReviewApproveCommand>("approve")
                    .WithDescription("Publish a held article, with corrections that stick when the file is uploaded again.")
                    .WithExample("review", "approve", "k3v9x2m4q8w7e5r1")
                    .WithExample("review", "approve", "k3v9x2m4q8w7e5r1", "--headline", "Floods close schools in Sindh", "--credit", "AFP");
                review.AddCommand<ReviewRejectCommand>("reject")
                    .WithDescription("Turn a held article down: it stays off the site, whatever is uploaded later.")
                    .WithExample("review", "reject", "k3v9x2m4q8w7e5r1");
            });
            config.AddBranch("links", links =>
            {
                links.SetDescription("Create, list, show and delete short links.");
                links.AddCommand<LinksCreateCommand>("create")
                    .WithDescription("Shorten a URL.")
                    .WithExample("links", "create", "https://example.com/offer", "--code", "offer", "--expires", "30d");
                links.AddCommand<LinksListCommand>("list")
                    .WithDescription("Short links, newest first.")
                    .WithExample("links", "list", "--top", "50");
                links.AddCommand<LinksShowCommand>("show")
                    .WithDescription("A link's target, click totals and its QR code, drawn in the terminal.")
                    .WithExample("links", "show", "offer");
                links.AddCommand<LinksDeleteCommand>("delete")
                    .WithDescription("Archive a link: its code stays taken and its redirect answers 410.")
                    .WithExample("links", "delete", "offer");
            });
            config.AddCommand<RepublishCommand>("republish")
                .WithDescription("Render pages again (after a theme change, or to repair one) and follow the pages being rewritten.")
                .WithExample("republish", "k3v9x2m4q8w7e5r1")
                .WithExample("republish", "--section", "pakistan")
                .WithExample("republish", "--all");
            config.AddCommand<RetryCommand>("retry")
                .WithDescription("Run an upload through the pipeline again now (after a fix, or after it gave up).")
                .WithExample("retry", "pakistan/seed-articles.txt");
            config.AddCommand<DoctorCommand>("doctor")
                .WithDescription("Check a deployment or the local stack end to end: storage, static website, Event Grid, key, and a probe article that must publish.")
                .WithExample("doctor")
                .WithExample("doctor", "--account", "stpipelinexyz", "--api", "https://func-pipeline-xyz.azurewebsites.net/", "--json");
            config.AddCommand<AuditCommand>("audit")
                .WithDescription("Who uploaded from the desk, approved, rejected, republished, unpublished, retried or changed a link, and when.")
                .WithExample("audit", "--top", "20");
            config.AddCommand<PoisonCommand>("poison")
                .WithDescription("What is stuck in the poison queues (peeked, nothing is removed).")
                .WithExample("poison")
                .WithExample("poison", "--json");
        });
        return app;
    }
}
