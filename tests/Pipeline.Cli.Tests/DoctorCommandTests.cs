using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline doctor</c> against the local host: every step passes and the probe leaves nothing live; a missing 404 page
/// and a missing or wrong Event Grid subscription (a Resource Manager stand-in) fail their step with the fix.
/// </summary>
[Collection(CliHostCollection.Name)]
public sealed class DoctorCommandTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Doctor_LocalHost_PassesEveryStep_AndTheProbeIsGoneAfterwards()
    {
        var section = "doctor" + Guid.NewGuid().ToString("N")[..6];

        var run = await fixture.RunAsync("doctor", "--section", section, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var steps = Steps(run);
        Assert.Equal(
            ["storage", "static website", "event grid", "api key", "probe publishes", "page on the site", "404 page", "short link", "probe removed"],
            steps.Keys);
        Assert.All(steps.Where(s => s.Key != "event grid"), s => Assert.True(s.Value.Outcome == "passed", $"{s.Key}: {s.Value.Detail}"));
        Assert.Equal("skipped", steps["event grid"].Outcome);

        // What a reader and an editor would find afterwards: no upload left, the article taken down, its link archived.
        Assert.Empty(Container(fixture.Host.Names.UploadsContainer).GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, section + "/", CancellationToken.None));
        var articles = await fixture.ApiAsync($"api/articles?section={section}&top=20");
        Assert.Empty(articles.GetProperty("items").EnumerateArray());
        var shortUrl = steps["short link"].Detail.Split(' ')[0];
        using var response = await fixture.Http.GetAsync(shortUrl);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task Doctor_HumanOutput_OneLinePerStep_AndASummary()
    {
        var run = await fixture.RunAsync("doctor", "--section", "doctor" + Guid.NewGuid().ToString("N")[..6]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("✔ storage", run.Output);
        Assert.Contains("– event grid not used locally", run.Output);
        Assert.Contains("✔ short link", run.Output);
        Assert.Contains("All checks passed (8 passed, 1 skipped).", run.Output);
    }

    [Fact]
    public async Task Doctor_SiteWithout404Page_FailsTheStaticWebsiteStepWithTheFix()
    {
        // A rebuild still queued by an earlier test (its probe made a section appear, then empty) would write the page
        // back while this one runs: wait until the local host has nothing left to render.
        var renders = new Azure.Storage.Queues.QueueClient(fixture.ConnectionString, fixture.Host.Names.RenderQueue);
        for (var (quiet, looked) = (0, 0); quiet < 3 && looked < 120; looked++)
        {
            await Task.Delay(500);
            quiet = (await renders.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? quiet + 1 : 0;
        }

        var page = Container(fixture.Host.Names.SiteContainer).GetBlobClient("404.html");
        var saved = (await page.DownloadContentAsync()).Value;
        await page.DeleteAsync();
        try
        {
            var run = await fixture.RunAsync("doctor", "--section", "doctor" + Guid.NewGuid().ToString("N")[..6], "--json");

            Assert.Equal(ExitCodes.Failed, run.ExitCode);
            Assert.False(run.Json.GetProperty("ok").GetBoolean());
            var step = Steps(run)["static website"];
            Assert.Equal("failed", step.Outcome);
            Assert.Contains("has no 404.html", step.Detail);
            Assert.Contains("pipeline republish --all", step.Fix);
        }
        finally
        {
            await page.UploadAsync(saved.Content, new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                HttpHeaders = new() { ContentType = saved.Details.ContentType, CacheControl = saved.Details.CacheControl },
            });
        }
    }

    [Fact]
    public async Task Doctor_TopicWithoutSubscription_FailsTheEventGridStepAndNamesTheHook()
    {
        using var arm = new ResourceManagerStandIn();

        var run = await RunWithResourceManagerAsync(arm);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var step = Steps(run)["event grid"];
        Assert.Equal("failed", step.Outcome);
        Assert.Contains("has no event subscriptions", step.Detail);
        Assert.Contains("infra/hooks/postdeploy.sh", step.Fix);
        Assert.All(arm.Requests, r => Assert.EndsWith("authorized", r));
    }

    [Fact]
    public async Task Doctor_SubscriptionAsPostdeployMakesIt_PassesTheEventGridStep()
    {
        using var arm = new ResourceManagerStandIn();
        arm.Subscriptions["ingestarticle"] = (
            ResourceManagerStandIn.WebhookSubscription("ingestarticle", AppHost, fixture.Host.Names.UploadsContainer),
            $"https://{AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle&code=secret");

        var run = await RunWithResourceManagerAsync(arm);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var step = Steps(run)["event grid"];
        Assert.Equal("passed", step.Outcome);
        Assert.Contains("to IngestArticle on " + AppHost, step.Detail);
        Assert.DoesNotContain("secret", run.Output);
    }

    [Theory]
    [InlineData("other-container", "Microsoft.Storage.BlobCreated", "Succeeded", "Host.Functions.IngestArticle", "does not deliver BlobCreated")]
    [InlineData(null, "Microsoft.Storage.BlobDeleted", "Succeeded", "Host.Functions.IngestArticle", "does not deliver BlobCreated")]
    [InlineData(null, "Microsoft.Storage.BlobCreated", "Failed", "Host.Functions.IngestArticle", "is Failed, not Succeeded")]
    [InlineData(null, "Microsoft.Storage.BlobCreated", "Succeeded", "Host.Functions.RenderArticle", "calls function 'Host.Functions.RenderArticle'")]
    public async Task Doctor_SubscriptionThatMissesTheUploads_FailsWithWhatIsWrong(string? container, string eventType, string state, string function, string expected)
    {
        using var arm = new ResourceManagerStandIn();
        arm.Subscriptions["ingestarticle"] = (
            ResourceManagerStandIn.WebhookSubscription("ingestarticle", AppHost, container ?? fixture.Host.Names.UploadsContainer, eventType, state),
            $"https://{AppHost}/runtime/webhooks/blobs?functionName={function}&code=secret");

        var run = await RunWithResourceManagerAsync(arm);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var step = Steps(run)["event grid"];
        Assert.Equal("failed", step.Outcome);
        Assert.Contains(expected, step.Detail);
    }

    [Fact]
    public async Task Doctor_SubscriptionToAnotherApp_FailsAndSaysWhereEventsGo()
    {
        using var arm = new ResourceManagerStandIn();
        arm.Subscriptions["old"] = (ResourceManagerStandIn.WebhookSubscription("old", "func-old.azurewebsites.net", fixture.Host.Names.UploadsContainer), "https://func-old.azurewebsites.net/");

        var run = await RunWithResourceManagerAsync(arm);

        var step = Steps(run)["event grid"];
        Assert.Equal("failed", step.Outcome);
        Assert.Contains("go to: https://func-old.azurewebsites.net/runtime/webhooks/blobs", step.Detail);
    }

    [Fact]
    public async Task Doctor_UnknownTopic_SaysToProvision()
    {
        using var arm = new ResourceManagerStandIn { Topic = "another-topic" };

        var run = await RunWithResourceManagerAsync(arm);

        var step = Steps(run)["event grid"];
        Assert.Equal("failed", step.Outcome);
        Assert.Contains("there is no Event Grid system topic 'evgt-pipeline'", step.Detail);
        Assert.Contains("azd provision", step.Fix);
    }

    private BlobContainerClient Container(string name) => new(fixture.ConnectionString, name);

    private const string AppHost = "func-pipeline-test.azurewebsites.net";

    private Task<CliRun> RunWithResourceManagerAsync(ResourceManagerStandIn arm) =>
        CliRun.RunAsync(fixture.Environment(), interactive: false, ResourceManagerStandIn.Credential,
        [
            "doctor", "--json", "--section", "doctor" + Guid.NewGuid().ToString("N")[..6],
            "--subscription", "00000000-0000-0000-0000-000000000001", "--resource-group", "rg-pipeline", "--event-grid-topic", "evgt-pipeline",
            "--function-app-host", AppHost, "--management-endpoint", arm.Endpoint.ToString(),
        ]);

    private static Dictionary<string, (string Outcome, string Detail, string? Fix)> Steps(CliRun run) =>
        run.Json.GetProperty("steps").EnumerateArray().ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => (s.GetProperty("outcome").GetString()!, s.GetProperty("detail").GetString()!,
                s.GetProperty("fix").ValueKind == JsonValueKind.String ? s.GetProperty("fix").GetString() : null));
}
