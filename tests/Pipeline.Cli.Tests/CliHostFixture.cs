using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>Azurite and one local host process shared by the command-line tests; each test uses its own section and names.</summary>
public sealed class CliHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public DevHostProcess Host { get; private set; } = default!;

    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>A client for checking what the CLI printed: no redirects followed, the key sent.</summary>
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Where this host's storage and API are, as the environment would say it: no options needed on the command line.</summary>
    public Dictionary<string, string?> Environment()
    {
        var settings = new Dictionary<string, string?> { [StorageNames.Connection] = ConnectionString };
        foreach (var property in typeof(StorageOptions).GetProperties())
        {
            settings[$"{StorageOptions.SectionName}:{property.Name}"] = (string?)property.GetValue(Host.Names);
        }

        settings[CliEnvironment.ApiVariable] = Host.ApiBase.ToString();
        settings[CliEnvironment.KeyVariable] = Host.ApiKey;
        return settings;
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(Environment(), interactive: false, args);

    /// <summary>What the API itself answers, for comparing with the CLI's JSON.</summary>
    public async Task<JsonElement> ApiAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Host.ApiBase, path)) { Headers = { { "x-functions-key", Host.ApiKey } } };
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Host = await DevHostProcess.StartAsync(_azurite, AzuriteFixture.NewPrefix());
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
