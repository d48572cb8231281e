using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>The operator's commands against the local host: status, articles, republish, retry and poison.</summary>
[Collection(CliHostCollection.Name)]
public sealed class ManagementCommandTests(CliHostFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Status_AfterUploads_ListsThemAndShowsOneInDetail()
    {
        var section = await UploadAsync();

        var list = await fixture.RunAsync("status", "--top", "200");
        var one = await fixture.RunAsync("status", $"{section}/two-articles.txt", "--json");

        Assert.True(list.ExitCode == ExitCodes.Ok, list.ToString());
        Assert.Contains($"{section}/two-articles.txt", list.Output);
        Assert.Contains("published", list.Output);
        Assert.True(one.ExitCode == ExitCodes.Ok, one.ToString());
        var api = await fixture.ApiAsync($"api/uploads/{section}/two-articles.txt");
        Assert.True(JsonElement.DeepEquals(api, one.Json), one.ToString());
    }

    [Fact]
    public async Task Status_UnknownUpload_SaysSoAndExitsFailed()
    {
        var run = await fixture.RunAsync("status", "no/such-upload.txt");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no upload named", run.Output);
    }

    [Fact]
    public async Task Articles_ListShowUnpublish_WorkOnTheUploadedArticles()
    {
        var section = await UploadAsync();

        var list = await fixture.RunAsync("articles", "list", "--section", section, "--json");
        var api = await fixture.ApiAsync($"api/articles?section={section}&top=20");
        var first = list.Json.GetProperty("items")[0];
        var id = first.GetProperty("id").GetString()!;
        var show = await fixture.RunAsync("articles", "show", id);
        var unpublish = await fixture.RunAsync("articles", "unpublish", id);

        Assert.True(list.ExitCode == ExitCodes.Ok, list.ToString());
        Assert.True(JsonElement.DeepEquals(api, list.Json), list.ToString());
        Assert.True(show.ExitCode == ExitCodes.Ok, show.ToString());
        Assert.Contains(first.GetProperty("headline").GetString()!, show.Output);
        Assert.Contains(first.GetProperty("url").GetString()!, show.Output);
        Assert.True(unpublish.ExitCode == ExitCodes.Ok, unpublish.ToString());
        Assert.Contains("now says the article was removed (410)", unpublish.Output);
        await WaitForStatusAsync(new Uri(first.GetProperty("url").GetString()!), HttpStatusCode.Gone);

        // The unpublish is in the audit log, by the key; unpublishing made a version with the same words.
        var audit = await fixture.RunAsync("audit", "--json");
        var diff = await fixture.RunAsync("articles", "diff", id);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.Contains(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "unpublish" && e.GetProperty("subject").GetString() == id);
        Assert.True(diff.ExitCode == ExitCodes.Ok, diff.ToString());
        Assert.Contains("the two versions read the same", diff.Output);
    }

    [Fact]
    public async Task Republish_OneArticleInInteractiveTerminal_ShowsProgressAndRewritesItsPage()
    {
        var section = await UploadAsync();
        var article = (await fixture.ApiAsync($"api/articles?section={section}")).GetProperty("items")[0];
        var url = new Uri(article.GetProperty("url").GetString()!);
        var site = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(fixture.Host.Names.SiteContainer);
        await site.GetBlobClient(url.AbsolutePath.TrimStart('/') + "index.html").DeleteAsync();

        var run = await CliRun.RunAsync(fixture.Environment(), interactive: true, "republish", article.GetProperty("id").GetString()!);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Pages rewritten", run.Output);
        Assert.Contains("Republished 1 article", run.Output);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Republish_SectionAsJson_ReportsEveryPageRewritten()
    {
        var section = await UploadAsync();

        var run = await fixture.RunAsync("republish", "--section", section, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(2, run.Json.GetProperty("requested").GetInt32());
        Assert.Equal(2, run.Json.GetProperty("rendered").GetInt32());
        Assert.Empty(run.Json.GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task Retry_FailedUpload_RunsItAgainAndStillSaysWhy()
    {
        var section = "r" + Guid.NewGuid().ToString("N")[..10];
        var uploads = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient(fixture.Host.Names.UploadsContainer);
        await uploads.GetBlobClient($"{section}/empty.txt").UploadAsync(BinaryData.FromString("   \n\n  "));
        await WaitForUploadAsync($"{section}/empty.txt");

        var run = await fixture.RunAsync("retry", $"{section}/empty.txt");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains($"{section}/empty.txt failed:", run.Output);
    }

    [Fact]
    public async Task Poison_RenderMessageStuck_ListedAndLeftInPlace()
    {
        var queue = new QueueServiceClient(fixture.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
            .GetQueueClient(fixture.Host.Names.RenderQueue + StorageNames.PoisonSuffix);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("""{"articleId":"stuckarticle0001","version":3}""");

        var human = await fixture.RunAsync("poison");
        var json = await fixture.RunAsync("poison", "--json");

        Assert.True(human.ExitCode == ExitCodes.Ok, human.ToString());
        Assert.Contains("render of article stuckarticle0001 version 3", human.Output);
        Assert.Contains("pipeline republish stuckarticle0001", human.Output);
        var render = json.Json.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == queue.Name);
        Assert.Contains(render.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetProperty("articleId").GetString() == "stuckarticle0001");
        Assert.True((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount >= 1, "peeking removed nothing");
    }

    /// <summary>Uploads the two-article fixture into a fresh section through the CLI and returns the section.</summary>
    private async Task<string> UploadAsync()
    {
        var section = "m" + Guid.NewGuid().ToString("N")[..10];
        var run = await fixture.RunAsync("upload", TestFiles.TwoArticlesOwnStory(section), "--section", section);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return section;
    }

    private async Task WaitForUploadAsync(string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await fixture.RunAsync("status", name)).ExitCode != ExitCodes.Failed)
        {
            Assert.True(clock.Elapsed < Bound, $"{name} was not refused within {Bound}");
            await Task.Delay(250);
        }
    }

    private async Task WaitForStatusAsync(Uri url, HttpStatusCode expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await fixture.Http.GetAsync(url)).StatusCode != expected)
        {
            Assert.True(clock.Elapsed < Bound, $"{url} did not answer {expected} within {Bound}");
            await Task.Delay(250);
        }
    }
}
