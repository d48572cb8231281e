using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Pipeline.Cli.Connection;
using Pipeline.Cli.Doctor;
using Pipeline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline doctor</c>: checks a deployment (or the local stack) end to end, one line per step with the fix for a
/// failure: storage and its resources, the static website, the Event Grid subscription, the API key, then a probe
/// article that must publish, answer on the site and through its short link, and is taken down again.
/// </summary>
public sealed class DoctorCommand(IAnsiConsole console, CliEnvironment environment, HttpClient http)
    : PipelineCommand<DoctorCommand.Settings>(console, environment, http)
{
    public const string DefaultManagementEndpoint = "https://management.azure.com/";

    // Outputs of infra/main.bicep, which azd exports to its hooks; AZURE_SUBSCRIPTION_ID is azd's own.
    public const string SiteVariable = "PIPELINE_SITE_URL";
    public const string ResourceGroupVariable = "AZURE_RESOURCE_GROUP";
    public const string TopicVariable = "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME";
    public const string FunctionAppHostVariable = "AZURE_FUNCTION_APP_HOST";
    public const string SubscriptionVariable = "AZURE_SUBSCRIPTION_ID";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public sealed class Settings : PipelineSettings
    {
        [CommandOption("--site <URL>")]
        [Description("The site's public URL, to check the probe's page is served there (default: $PIPELINE_SITE_URL, an azd output).")]
        public string? Site { get; set; }

        [CommandOption("--subscription <ID>")]
        [Description("Azure subscription of the deployment, for the Event Grid check (default: $AZURE_SUBSCRIPTION_ID).")]
        public string? Subscription { get; set; }

        [CommandOption("--resource-group <NAME>")]
        [Description("Resource group of the deployment (default: $AZURE_RESOURCE_GROUP).")]
        public string? ResourceGroup { get; set; }

        [CommandOption("--event-grid-topic <NAME>")]
        [Description("The storage account's Event Grid system topic (default: $AZURE_EVENTGRID_SYSTEM_TOPIC_NAME).")]
        public string? EventGridTopic { get; set; }

        [CommandOption("--function-app-host <HOST>")]
        [Description("Host name the blob webhook must point at (default: $AZURE_FUNCTION_APP_HOST, else the --api host).")]
        public string? FunctionAppHost { get; set; }

        [CommandOption("--management-endpoint <URL>")]
        [Description("Azure Resource Manager endpoint (sovereign clouds).")]
        [DefaultValue(DefaultManagementEndpoint)]
        public string ManagementEndpoint { get; set; } = DefaultManagementEndpoint;

        [CommandOption("--section <SECTION>")]
        [Description("Section the probe article is uploaded to.")]
        [DefaultValue("doctor")]
        public string Section { get; set; } = "doctor";

        [CommandOption("--timeout <SECONDS>")]
        [Description("How long the probe may take to publish.")]
        [DefaultValue(180)]
        public int Timeout { get; set; } = 180;

        public override ValidationResult Validate()
        {
            if (Timeout is < 1 or > 3_600)
            {
                return ValidationResult.Error("--timeout must be from 1 to 3600 seconds");
            }

            foreach (var (option, value) in new[] { ("--site", Site), ("--management-endpoint", ManagementEndpoint) })
            {
                if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                {
                    return ValidationResult.Error($"{option} must be an http(s) URL, not '{value}'");
                }
            }

            return !System.Text.RegularExpressions.Regex.IsMatch(Section, @"^[a-z0-9][a-z0-9-]{0,62}\z")
                ? ValidationResult.Error($"--section must be lower-case letters, digits and dashes, not '{Section}'")
                : base.Validate();
        }
    }

    protected override async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var run = new DoctorRun(scope, Environment, Http, cancellationToken);
        await run.RunAsync();
        if (scope.Output.IsJson)
        {
            scope.Output.WriteJson(new
            {
                ok = run.Steps.All(s => s.Outcome != StepOutcome.Failed),
                steps = run.Steps.Select(s => new { name = s.Name, outcome = s.Outcome.ToString().ToLowerInvariant(), detail = s.Detail, fix = s.Fix, seconds = s.Seconds }),
            });
        }
        else
        {
            var failed = run.Steps.Count(s => s.Outcome == StepOutcome.Failed);
            scope.Output.Line(failed == 0
                ? $"[green]All checks passed[/] ({run.Steps.Count(s => s.Outcome == StepOutcome.Passed)} passed, {run.Steps.Count(s => s.Outcome == StepOutcome.Skipped)} skipped)."
                : $"[red]{failed} {(failed == 1 ? "check" : "checks")} failed.[/]");
        }

        return run.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed)?.ExitCode ?? ExitCodes.Ok;
    }

    /// <summary>One run of the checks: each step is shown as soon as it is known.</summary>
    private sealed class DoctorRun(CommandScope scope, CliEnvironment environment, HttpClient http, CancellationToken cancellationToken)
    {
        private readonly List<DoctorStep> _steps = [];
        private readonly Settings _settings = scope.Settings;

        public IReadOnlyList<DoctorStep> Steps => _steps;

        public async Task RunAsync()
        {
            var storageOk = await StepAsync("storage", CheckStorageAsync);
            await StepAsync("static website", storageOk ? CheckStaticWebsiteAsync : Skipped("storage is not usable"));
            await StepAsync("event grid", CheckEventGridAsync);
            var keyOk = await StepAsync("api key", CheckKeyAsync);
            if (!storageOk || !keyOk)
            {
                await StepAsync("probe article", Skipped("the probe needs storage and the API"));
                return;
            }

            var probe = new Probe(scope, _settings.Section);
            try
            {
                if (await StepAsync("probe publishes", () => probe.PublishAsync(TimeSpan.FromSeconds(_settings.Timeout), cancellationToken)))
                {
                    await StepAsync("page on the site", () => probe.CheckPageAsync(SiteBase()));
                    await StepAsync("404 page", probe.CheckMissingPageAsync);
                    await StepAsync("short link", probe.CheckShortLinkAsync);
                }
            }
            finally
            {
                await StepAsync("probe removed", probe.RemoveAsync);
            }
        }

        private static Func<Task<DoctorStep>> Skipped(string why) => () => Task.FromResult(DoctorStep.Skip("", why));

        private Uri? SiteBase() =>
            (_settings.Site ?? environment.Configuration[SiteVariable]) is { Length: > 0 } site ? new Uri(site.EndsWith('/') ? site : site + "/") : null;

        /// <summary>Runs one check, shows its line, and answers whether it did not fail.</summary>
        private async Task<bool> StepAsync(string name, Func<Task<DoctorStep>> check)
        {
            var clock = Stopwatch.StartNew();
            DoctorStep step;
            try
            {
                step = await check();
            }
            catch (Exception ex) when (scope.Storage.Explain(ex) is { } failure)
            {
                step = DoctorStep.Fail(name, failure.Message, FixFor(failure), failure.ExitCode);
            }
            catch (CliException failure)
            {
                step = DoctorStep.Fail(name, failure.Message, FixFor(failure), failure.ExitCode);
            }
            catch (Exception ex) when (ex is AuthenticationFailedException or CredentialUnavailableException)
            {
                step = DoctorStep.Fail(name, $"could not sign in to Azure: {ex.Message.Split('\n')[0]}", "az login", ExitCodes.Unauthorized);
            }
            catch (HttpRequestException ex)
            {
                step = DoctorStep.Fail(name, $"the request failed: {ex.Message}", "check the URL and that the service is up", ExitCodes.Unreachable);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                step = DoctorStep.Fail(name, $"no answer in time ({ex.Message})", "check the URL and that the service is up", ExitCodes.Unreachable);
            }

            step = step with { Name = name, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
            _steps.Add(step);
            Show(step);
            return step.Outcome != StepOutcome.Failed;
        }

        private static string FixFor(CliException failure) => failure.ExitCode switch
        {
            ExitCodes.Unauthorized => "sign in with an identity that has the roles named above, or pass the right --key",
            ExitCodes.Unreachable => "start the local host (dotnet run --project src/Pipeline.DevHost) or pass --api/--account for Azure",
            _ => "see the message above",
        };

        private void Show(DoctorStep step)
        {
            if (scope.Output.IsJson)
            {
                return;
            }

            var (mark, colour) = step.Outcome switch
            {
                StepOutcome.Passed => ("✔", "green"),
                StepOutcome.Failed => ("✘", "red"),
                _ => ("–", "grey"),
            };
            scope.Output.Line($"[{colour}]{mark}[/] [bold]{Markup.Escape(step.Name)}[/] {Markup.Escape(step.Detail)}");
            if (step.Fix is { } fix)
            {
                scope.Output.Line($"  [yellow]fix:[/] {Markup.Escape(fix)}");
            }
        }

        private async Task<DoctorStep> CheckStorageAsync()
        {
            var clients = scope.Storage.Clients;
            var resources = clients.Resources().ToList();
            var exists = await Task.WhenAll(resources.Select(r => r.ExistsAsync(cancellationToken)));
            var missing = resources.Where((_, i) => !exists[i]).Select(r => $"{r.Kind.ToLowerInvariant()} '{r.Name}'").ToList();
            return missing.Count == 0
                ? DoctorStep.Pass("", $"{resources.Count} containers, queues and tables present in {scope.Storage.Description}")
                : DoctorStep.Fail("", $"missing in {scope.Storage.Description}: {string.Join(", ", missing)}",
                    "start the app once (it creates what is missing at start) or provision with azd provision");
        }

        private async Task<DoctorStep> CheckStaticWebsiteAsync()
        {
            var clients = scope.Storage.Clients;
            var missing = new List<string>();
            foreach (var document in new[] { StaticWebsiteCheck.IndexDocument, StaticWebsiteCheck.ErrorDocument })
            {
                if (!(await clients.Site.GetBlobClient(document).ExistsAsync(cancellationToken)).Value)
                {
                    missing.Add(document);
                }
            }

            if (missing.Count > 0)
            {
                return DoctorStep.Fail("", $"the site container '{clients.Site.Name}' has no {string.Join(" or ", missing)}",
                    "restart the app (it writes the site's skeleton at start when missing) or run: pipeline republish --all");
            }

            // Azurite has no static website: the local host serves the site container itself (README, local host).
            if (clients.BlobService.AccountName == "devstoreaccount1")
            {
                return DoctorStep.Pass("", $"'{clients.Site.Name}' has index.html and 404.html; the local host serves it (Azurite has no static website)");
            }

            try
            {
                var properties = await clients.BlobService.GetPropertiesAsync(cancellationToken);
                return StaticWebsiteCheck.Problem(properties.Value.StaticWebsite) is { } problem
                    ? DoctorStep.Fail("", problem, "enable it with index.html and 404.html: azd provision (infra/app/storage.bicep sets it)")
                    : DoctorStep.Pass("", $"enabled with index.html and 404.html, and '{clients.Site.Name}' has both");
            }
            catch (RequestFailedException ex) when (ex.Status == 403)
            {
                return DoctorStep.Skip("", $"'{clients.Site.Name}' has index.html and 404.html; the account's static website settings could not be read ({ex.ErrorCode})",
                    "to check them too, use an identity with Reader on the storage account; the probe below checks the site answers");
            }
        }

        private async Task<DoctorStep> CheckEventGridAsync()
        {
            var config = environment.Configuration;
            var subscription = _settings.Subscription ?? config[SubscriptionVariable];
            var group = _settings.ResourceGroup ?? config[ResourceGroupVariable];
            var topic = _settings.EventGridTopic ?? config[TopicVariable];
            if (string.IsNullOrEmpty(subscription) || string.IsNullOrEmpty(group) || string.IsNullOrEmpty(topic))
            {
                return scope.Storage.Clients.BlobService.AccountName == "devstoreaccount1"
                    ? DoctorStep.Skip("", "not used locally: the local host finds new uploads itself; the probe below checks they are ingested")
                    : DoctorStep.Skip("", "not checked: no subscription, resource group and topic",
                        "run in the azd environment (azd env get-values) or pass --subscription, --resource-group and --event-grid-topic");
            }

            var host = _settings.FunctionAppHost ?? config[FunctionAppHostVariable] ?? scope.Api.BaseAddress.Host;
            var credential = environment.Credential ?? new DefaultAzureCredential();
            var reader = new EventGridSubscriptions(http, credential, new Uri(_settings.ManagementEndpoint));
            return await reader.CheckAsync("", new(subscription, group, topic, host, scope.Storage.Clients.Names.UploadsContainer), cancellationToken);
        }

        private async Task<DoctorStep> CheckKeyAsync()
        {
            await scope.Api.GetAsync("api/uploads?top=1", cancellationToken);
            return DoctorStep.Pass("", $"the API at {scope.Api.BaseAddress} accepted the key");
        }
    }

    /// <summary>The probe article: uploaded, followed until live, checked on the site, then taken down and deleted.</summary>
    private sealed class Probe(CommandScope scope, string section)
    {
        private readonly string _stamp = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        private readonly HttpClient _web = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        private bool _uploaded;
        private JsonElement? _article;

        private string Name => $"{section}/pipeline-doctor-{_stamp}.md";

        private string Headline => $"Pipeline doctor probe {_stamp}";

        public async Task<DoctorStep> PublishAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var text = $"""
                ---
                title: {Headline}
                summary: A test article written by pipeline doctor, taken down again as soon as it is checked.
                tags: pipeline-doctor
                ---
                This article was uploaded by pipeline doctor to check that an upload reaches the site and its short link.

                It is unpublished and its upload deleted once the checks are done.
                """;
            await scope.Storage.Clients.Uploads.GetBlobClient(Name).UploadAsync(BinaryData.FromString(text), overwrite: true, CancellationToken.None);
            _uploaded = true;

            var clock = Stopwatch.StartNew();
            JsonElement? status = null;
            while (clock.Elapsed < timeout)
            {
                status = await scope.Api.FindAsync(PipelineApi.UploadPath(Name), cancellationToken);
                if (status is { } seen)
                {
                    _article = seen.Items("articles").Cast<JsonElement?>().FirstOrDefault();
                    if (seen.Str("state") == "failed")
                    {
                        return DoctorStep.Fail("", $"the probe upload {Name} failed: {seen.Str("reason")}", $"see: pipeline status {Name}");
                    }

                    if (_article?.Str("state") == "review")
                    {
                        return DoctorStep.Fail("", $"the probe was held for review: {string.Join("; ", _article.Value.Items("reviewReasons").Select(r => r.GetString()))}",
                            "check the app's review settings");
                    }

                    if (UploadOutcome.IsLive(seen) && _article is not null)
                    {
                        return DoctorStep.Pass("", $"{Name} was published and rendered in {clock.Elapsed.TotalSeconds:0.0} s");
                    }
                }

                await Task.Delay(PollInterval, cancellationToken);
            }

            return status is null
                ? DoctorStep.Fail("", $"the probe {Name} was not picked up within {timeout.TotalSeconds:0} s",
                    "check that uploads trigger ingest: the event grid step above, and the app's logs (azd monitor)", ExitCodes.TimedOut)
                : DoctorStep.Fail("", $"the probe {Name} was not live within {timeout.TotalSeconds:0} s (state {status.Value.Str("state")})",
                    "check the render queue and poison queues: pipeline poison", ExitCodes.TimedOut);
        }

        public async Task<DoctorStep> CheckPageAsync(Uri? site)
        {
            var url = new Uri(_article!.Value.Str("url")!);
            if (site is not null && !url.AbsoluteUri.StartsWith(site.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
            {
                return DoctorStep.Fail("", $"pages are published under {url.GetLeftPart(UriPartial.Authority)}, not the site {site}",
                    "set the app's Pipeline__SiteBaseUrl to the site's URL (azd provision sets it)");
            }

            using var response = await _web.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && html.Contains(WebUtility.HtmlEncode(Headline), StringComparison.Ordinal)
                ? DoctorStep.Pass("", $"{url} answers 200 with the article")
                : DoctorStep.Fail("", $"{url} answered {(int)response.StatusCode}{(response.StatusCode == HttpStatusCode.OK ? " without the article's headline" : string.Empty)}",
                    "check the static website (step above) and the render queue: pipeline poison");
        }

        public async Task<DoctorStep> CheckMissingPageAsync()
        {
            var missing = new Uri(new Uri(_article!.Value.Str("url")!), "pipeline-doctor-no-such-page/");
            using var response = await _web.GetAsync(missing);
            return response.StatusCode == HttpStatusCode.NotFound
                ? DoctorStep.Pass("", $"a missing page answers 404 ({missing})")
                : DoctorStep.Fail("", $"a missing page answered {(int)response.StatusCode}, not 404 ({missing})",
                    "set the static website's 404 document to 404.html (azd provision)");
        }

        public async Task<DoctorStep> CheckShortLinkAsync()
        {
            var page = _article!.Value.Str("url")!;
            var shortUrl = new Uri(_article.Value.Str("shortUrl")!);
            using var response = await _web.GetAsync(shortUrl);
            var location = response.Headers.Location is { } l ? new Uri(shortUrl, l).AbsoluteUri : null;
            return (int)response.StatusCode is 301 or 302 or 307 or 308 && location == page
                ? DoctorStep.Pass("", $"{shortUrl} redirects ({(int)response.StatusCode}) to the page")
                : DoctorStep.Fail("", $"{shortUrl} answered {(int)response.StatusCode}{(location is null ? string.Empty : $" to {location}")}, not a redirect to {page}",
                    "check the app's ShortLinks__BaseUrl and that the short-link route is deployed");
        }

        public async Task<DoctorStep> RemoveAsync()
        {
            try
            {
                if (!_uploaded)
                {
                    return DoctorStep.Skip("", "nothing was uploaded");
                }

                var notes = new List<string>();
                if (_article?.Str("id") is { } id)
                {
                    await scope.Api.SendAsync(HttpMethod.Delete, "api/articles/" + PipelineApi.Segment(id), null, CancellationToken.None);
                    notes.Add("unpublished");
                }

                await scope.Storage.Clients.Uploads.GetBlobClient(Name).DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
                notes.Add("its upload deleted");
                if (_article?.Str("shortUrl") is { } shortUrl)
                {
                    using var response = await _web.GetAsync(shortUrl);
                    if ((int)response.StatusCode is >= 300 and < 400)
                    {
                        return DoctorStep.Fail("", $"the probe was {string.Join(" and ", notes)}, but its short link still redirects ({(int)response.StatusCode})",
                            $"archive it: pipeline links delete {shortUrl[(shortUrl.LastIndexOf('/') + 1)..]}");
                    }

                    notes.Add($"its short link answers {(int)response.StatusCode}");
                }

                return DoctorStep.Pass("", $"the probe was {string.Join(", ", notes)}");
            }
            finally
            {
                _web.Dispose();
            }
        }
    }
}
