using System.Net;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline upload</c> against the local host: what an editor sees, and that what they see works.</summary>
[Collection(CliHostCollection.Name)]
public sealed class UploadCommandTests(CliHostFixture fixture, ITestOutputHelper log)
{
    [Fact]
    public async Task Upload_TwoArticleFile_PrintsPageAndShortUrlsThatResolve()
    {
        var section = Section();

        var run = await fixture.RunAsync("upload", TestFiles.TwoArticlesOwnStory(section), "--section", section);
        log.WriteLine(run.Output);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"{section}/two-articles.txt published, 2 articles", run.Output);
        await AssertUrlsResolveAsync(run, expectedArticles: 2);
    }

    [Fact]
    public async Task Upload_SharedSeedSample_PrintsUrlsThatResolve()
    {
        // The shared sample sits beside the checkout on developer machines and in CI; without it there is nothing to check.
        if (TestFiles.SeedSample() is not { } seed)
        {
            return;
        }

        var run = await fixture.RunAsync("upload", seed, "--section", Section());

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        await AssertUrlsResolveAsync(run, expectedArticles: 2);
    }

    [Fact]
    public async Task Upload_Json_ParsesAndMatchesTheApi()
    {
        var section = Section();

        var run = await fixture.RunAsync("upload", TestFiles.TwoArticlesOwnStory(section), "--section", section, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var upload = Assert.Single(run.Json.GetProperty("uploads").EnumerateArray());
        Assert.Equal($"{section}/two-articles.txt", upload.GetProperty("name").GetString());
        Assert.True(upload.GetProperty("done").GetBoolean());
        var status = upload.GetProperty("status");
        var api = await fixture.ApiAsync($"api/uploads/{section}/two-articles.txt");
        Assert.Equal(api.GetProperty("state").GetString(), status.GetProperty("state").GetString());
        Assert.Equal(
            api.GetProperty("articles").EnumerateArray().Select(a => (a.GetProperty("id").GetString(), a.GetProperty("url").GetString(), a.GetProperty("shortUrl").GetString())),
            status.GetProperty("articles").EnumerateArray().Select(a => (a.GetProperty("id").GetString(), a.GetProperty("url").GetString(), a.GetProperty("shortUrl").GetString())));
    }

    [Fact]
    public async Task Upload_HostileBinaryFile_PrintsTheReasonAndExitsNonZero()
    {
        var folder = Directory.CreateTempSubdirectory("cli-hostile");
        var file = Path.Combine(folder.FullName, "hostile.txt");
        var bytes = new byte[4096];
        new Random(9).NextBytes(bytes);
        bytes[10] = 0;
        await File.WriteAllBytesAsync(file, bytes);
        var section = Section();

        var run = await fixture.RunAsync("upload", file, "--section", section);
        log.WriteLine(run.Output);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        var reason = (await fixture.ApiAsync($"api/uploads/{section}/hostile.txt")).GetProperty("reason").GetString();
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Contains($"{section}/hostile.txt failed: {reason}", run.Output);
    }

    [Fact]
    public async Task Upload_LargeFolderInInteractiveTerminal_ShowsProgressAndKeepsRelativePaths()
    {
        var folder = Directory.CreateTempSubdirectory("cli-folder");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "inner"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "big.txt"), GeneratedArticles.File(41, 2, paragraphs: 2000));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "inner", "small.txt"), GeneratedArticles.File(42, 1));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, ".hidden.txt"), "not an article");
        var section = Section();

        var run = await CliRun.RunAsync(fixture.Environment(), interactive: true, "upload", folder.FullName, "--section", section);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("100%", run.Output);
        Assert.Contains($"{section}/big.txt published, 2 articles", run.Output);
        Assert.Contains($"{section}/inner/small.txt published, 1 article", run.Output);
        Assert.DoesNotContain(".hidden.txt", run.Output);
    }

    [Fact]
    public async Task Upload_SameFileAgain_WaitsForTheNewRunInsteadOfTheOldStatus()
    {
        var section = Section();
        var first = await fixture.RunAsync("upload", TestFiles.TwoArticlesOwnStory(section), "--section", section, "--json");
        var firstUpdated = first.Json.GetProperty("uploads")[0].GetProperty("status").GetProperty("updatedAt").GetDateTimeOffset();

        var second = await fixture.RunAsync("upload", TestFiles.TwoArticlesOwnStory(section), "--section", section, "--json");

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.True(second.Json.GetProperty("uploads")[0].GetProperty("status").GetProperty("updatedAt").GetDateTimeOffset() > firstUpdated);
    }

    private async Task AssertUrlsResolveAsync(CliRun run, int expectedArticles)
    {
        var pages = run.Urls("page");
        var shorts = run.Urls("short");
        Assert.True(pages.Count == expectedArticles && shorts.Count == expectedArticles, run.ToString());
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal(fixture.Host.SitePort, pages[i].Port);
            Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync(pages[i])).StatusCode);
            var redirect = await fixture.Http.GetAsync(shorts[i]);
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            Assert.Equal(pages[i], redirect.Headers.Location);
        }
    }

    [Fact]
    public async Task Upload_NameWithAPercentSign_StatusAndRetryFindIt_AndAnEncodedTraversalFindsNothing()
    {
        // The route value arrives decoded once; decoding it again turned "a%41" into "aA" and "..%252F" into "../".
        var section = Section();
        var folder = Directory.CreateTempSubdirectory("cli-percent");
        var file = Path.Combine(folder.FullName, "sale%41 now.md");
        await File.WriteAllTextAsync(file, "---\ntitle: Percent signs in a file name\n---\nA story whose file name has a percent sign in it.\n");

        var upload = await fixture.RunAsync("upload", file, "--section", section, "--timeout", "60");
        var status = await fixture.RunAsync("status", $"{section}/sale%41 now.md");
        var retry = await fixture.RunAsync("retry", $"{section}/sale%41 now.md");

        Assert.True(upload.ExitCode == ExitCodes.Ok, upload.ToString());
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("published", status.Output);
        Assert.True(retry.ExitCode == ExitCodes.Ok, retry.ToString());

        using var traversal = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Host.ApiBase, $"api/uploads/..%252F..%252F{section}-x/retry"))
        {
            Headers = { { "x-functions-key", fixture.Host.ApiKey } },
        };
        using var refused = await fixture.Http.SendAsync(traversal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("no upload named", await refused.Content.ReadAsStringAsync());
        var recent = await fixture.RunAsync("status", "--top", "200");
        Assert.True(recent.ExitCode == ExitCodes.Ok, recent.ToString());
        Assert.DoesNotContain($"{section}-x", recent.Output);
    }

    private static string Section() => "s" + Guid.NewGuid().ToString("N")[..10];
}
