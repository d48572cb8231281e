using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>The parts of the command line that need no host: help, option parsing, file expansion, the terminal QR code.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("upload")]
    [InlineData("status")]
    [InlineData("articles", "list")]
    [InlineData("articles", "show")]
    [InlineData("articles", "unpublish")]
    [InlineData("links", "create")]
    [InlineData("links", "list")]
    [InlineData("links", "show")]
    [InlineData("links", "delete")]
    [InlineData("republish")]
    [InlineData("retry")]
    [InlineData("poison")]
    public async Task Help_EveryCommand_ShowsExamplesAndTheConnectionOptions(params string[] command)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), interactive: false, [.. command, "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("EXAMPLES:", run.Output);
        Assert.Contains($"pipeline {string.Join(' ', command)}", run.Output);
        Assert.Contains("--connection-string", run.Output);
        Assert.Contains("--json", run.Output);
    }

    [Theory]
    [InlineData("90m", 90)]
    [InlineData("12h", 12 * 60)]
    [InlineData("30d", 30 * 24 * 60)]
    public void ExpiryTryParse_Span_CountsFromNow(string text, int minutes)
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var parsed = Commands.Expiry.TryParse(text, now, out var at);

        Assert.True(parsed);
        Assert.Equal(now.AddMinutes(minutes), at);
    }

    [Fact]
    public void ExpiryTryParse_DateWithoutZone_IsUtc()
    {
        var parsed = Commands.Expiry.TryParse("2026-12-31", DateTimeOffset.UnixEpoch, out var at);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0d")]
    [InlineData("3w")]
    public void ExpiryTryParse_Nonsense_Refused(string text) =>
        Assert.False(Commands.Expiry.TryParse(text, DateTimeOffset.UnixEpoch, out _));

    [Fact]
    public void ApiEndpointResolve_NoOptionOrVariable_ReadsTheCheckoutsKeyFile()
    {
        var checkout = Directory.CreateTempSubdirectory("cli-checkout");
        File.WriteAllText(Path.Combine(checkout.FullName, "Pipeline.sln"), string.Empty);
        Directory.CreateDirectory(Path.Combine(checkout.FullName, ".pipeline"));
        File.WriteAllText(Path.Combine(checkout.FullName, ".pipeline", "api-key"), "key-from-file\n");
        var inner = Directory.CreateDirectory(Path.Combine(checkout.FullName, "src", "deep"));

        var fromFile = Connection.ApiEndpoint.Resolve(new PipelineSettings(), Environment(inner.FullName, key: null));
        var fromVariable = Connection.ApiEndpoint.Resolve(new PipelineSettings(), Environment(inner.FullName, key: "key-from-variable"));
        var fromOption = Connection.ApiEndpoint.Resolve(new PipelineSettings { Key = "key-from-option", Api = "https://func.example/x" }, Environment(inner.FullName, key: "key-from-variable"));

        Assert.Equal("key-from-file", fromFile.Key);
        Assert.Equal(new Uri(PipelineSettings.DefaultApi), fromFile.BaseAddress);
        Assert.Equal("key-from-variable", fromVariable.Key);
        Assert.Equal("key-from-option", fromOption.Key);
        Assert.Equal(new Uri("https://func.example/x/"), fromOption.BaseAddress);
    }

    [Fact]
    public void UploadFileExpand_FolderAndSection_KeepsRelativePathsAndSkipsHiddenFiles()
    {
        var folder = Directory.CreateTempSubdirectory("cli-expand");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "inner"));
        Directory.CreateDirectory(Path.Combine(folder.FullName, ".git"));
        File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "a");
        File.WriteAllText(Path.Combine(folder.FullName, "inner", "b.md"), "b");
        File.WriteAllText(Path.Combine(folder.FullName, ".DS_Store"), "x");
        File.WriteAllText(Path.Combine(folder.FullName, ".git", "config"), "x");

        var files = Commands.UploadFile.Expand([folder.FullName], "world");

        Assert.Equal(["world/a.txt", "world/inner/b.md"], files.Select(f => f.BlobName));
    }

    [Fact]
    public void UploadFileExpand_TwoFilesWithOneName_Refused()
    {
        var one = Directory.CreateTempSubdirectory("cli-one");
        var two = Directory.CreateTempSubdirectory("cli-two");
        File.WriteAllText(Path.Combine(one.FullName, "story.txt"), "1");
        File.WriteAllText(Path.Combine(two.FullName, "story.txt"), "2");

        var failure = Assert.Throws<CliException>(() => Commands.UploadFile.Expand([Path.Combine(one.FullName, "story.txt"), Path.Combine(two.FullName, "story.txt")], null));

        Assert.Equal(ExitCodes.Invalid, failure.ExitCode);
        Assert.Contains("would both be uploaded as 'story.txt'", failure.Message);
    }

    [Fact]
    public void TerminalQrCodeDraw_ShortUrl_ScansBackToIt()
    {
        using var console = new TestConsole().Width(CliRun.ConsoleWidth);

        console.Write(Output.TerminalQrCode.Draw("http://127.0.0.1:7071/k3v9x2"));

        Assert.Equal("http://127.0.0.1:7071/k3v9x2", LinksCommandTests.DecodeQrCode(console.Output));
    }

    private static CliEnvironment Environment(string directory, string? key) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [CliEnvironment.KeyVariable] = key })
            .Build(), directory);
}
