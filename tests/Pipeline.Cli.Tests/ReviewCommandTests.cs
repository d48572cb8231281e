using System.Net;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>An editor's review from the terminal: a doubtful import is shown as held, listed, then approved with a fix.</summary>
[Collection(CliHostCollection.Name)]
public sealed class ReviewCommandTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Review_HeldUpload_IsListedThenApprovedWithACorrectedHeadlineAndGoesLive()
    {
        var tag = "r" + Guid.NewGuid().ToString("N")[..10];
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pipeline-tests", tag)).FullName;
        var file = Path.Combine(folder, "byline-first.txt");

        // A byline copied above the story: nothing marks it as the headline, so the pipeline must not publish it as one.
        await File.WriteAllTextAsync(file, $"""
            Shahjahan Khurram

            KARACHI: Dock workers at the main container terminal ended a three-day strike on Thursday ({tag}) after the port authority agreed to review overtime rates.

            Ships that had waited offshore began berthing within hours, a port official said.
            """);

        var upload = await fixture.RunAsync("upload", file, "--section", tag);
        var list = await fixture.RunAsync("review", "--json", "--top", "200");
        var held = list.Json.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("sourceBlob").GetString() == $"{tag}/byline-first.txt");
        var id = held.GetProperty("id").GetString()!;
        var table = await fixture.RunAsync("review");
        var approve = await fixture.RunAsync("review", "approve", id, "--headline", "Karachi dock strike ends as port agrees to review overtime", "--byline", "Shahjahan Khurram");

        Assert.True(upload.ExitCode == ExitCodes.Ok, upload.ToString());
        Assert.Contains("(review)", upload.Output);
        Assert.Contains($"pipeline review approve {id}", upload.Output);
        Assert.NotEmpty(held.GetProperty("reviewReasons").EnumerateArray());
        Assert.Contains("Why it is held", table.Output);
        Assert.True(approve.ExitCode == ExitCodes.Ok, approve.ToString());
        Assert.Contains("Approved", approve.Output);

        var article = await fixture.ApiAsync($"api/articles/{id}");
        var url = new Uri(article.GetProperty("article").GetProperty("url").GetString()!);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await fixture.Http.GetAsync(url)).StatusCode) != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Karachi dock strike ends as port agrees to review overtime", await fixture.Http.GetStringAsync(url));
        var again = await fixture.RunAsync("review", "approve", id);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
    }
}
