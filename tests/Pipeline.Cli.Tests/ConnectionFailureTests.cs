using Pipeline.DevHost.Azurite;

namespace Pipeline.Cli.Tests;

/// <summary>What a person sees when the host is stopped, the key is wrong or the storage connection is: a sentence and an exit code.</summary>
[Collection(CliHostCollection.Name)]
public sealed class ConnectionFailureTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Status_HostStopped_SaysHowToStartItAndExitsUnreachable()
    {
        var stopped = $"http://127.0.0.1:{AzuriteEndpoints.FreePorts().BlobPort}/";

        var run = await fixture.RunAsync("status", "--api", stopped);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains($"the API at {stopped} is not answering; is the local host running? dotnet run --project src/Pipeline.DevHost", run.Output);
    }

    [Fact]
    public async Task ArticlesList_WrongKey_SaysTheKeyWasRefusedAndExitsUnauthorized()
    {
        var human = await fixture.RunAsync("articles", "list", "--key", "not-the-key");
        var json = await fixture.RunAsync("articles", "list", "--key", "not-the-key", "--json");

        Assert.Equal(ExitCodes.Unauthorized, human.ExitCode);
        Assert.Contains("refused the key (401)", human.Output);
        Assert.Equal("unauthorized", json.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Poison_StorageNotAnswering_SaysSoAndExitsUnreachable()
    {
        var port = AzuriteEndpoints.FreePorts().QueuePort;
        var nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1";

        var run = await fixture.RunAsync("poison", "--connection-string", nowhere);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("the storage of --connection-string is not answering; is Azurite running?", run.Output);
    }

    [Fact]
    public async Task Upload_MalformedConnectionString_SaysItIsNotValid()
    {
        var run = await fixture.RunAsync("upload", Pipeline.Testing.TestFiles.Path("two-articles.txt"), "--no-wait", "--connection-string", "this is not a connection string");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("the storage connection is not valid", run.Output);
    }

    [Fact]
    public async Task Upload_BothConnectionOptions_RefusedBeforeAnythingRuns()
    {
        var run = await fixture.RunAsync("upload", "x.txt", "--connection-string", "UseDevelopmentStorage=true", "--account", "stpipeline");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("either --connection-string or --account", run.Output);
    }
}
