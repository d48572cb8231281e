using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core;
using Pipeline.Functions;
using Pipeline.Storage;

namespace Pipeline.Testing;

/// <summary>The real service graph (Core + Storage + Functions) against Azurite, with resources of its own.</summary>
public sealed class PipelineServices : IAsyncDisposable
{
    private PipelineServices(ServiceProvider provider, string prefix)
    {
        Provider = provider;
        Prefix = prefix;
    }

    public ServiceProvider Provider { get; }
    public string Prefix { get; }
    public StorageClients Storage => Provider.GetRequiredService<StorageClients>();

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>A function class built the way the worker builds it: constructor injection from the container.</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Provider);

    public static async Task<PipelineServices> CreateAsync(AzuriteFixture azurite, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var prefix = AzuriteFixture.NewPrefix();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(azurite, prefix, settings)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPipelineCore().AddPipelineStorage(configuration).AddPipelineFunctions();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new PipelineServices(provider, prefix);
    }

    /// <summary>The settings of an app whose containers, tables and queues carry <paramref name="prefix"/>, on this Azurite.</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, string prefix, Dictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            [StorageNames.Connection] = azurite.ConnectionString,
            ["Pipeline:SiteBaseUrl"] = "http://127.0.0.1:8080/",
            ["Pipeline:ShortLinkBaseUrl"] = "http://127.0.0.1:7071/",
        };
        foreach (var (key, value) in StorageSettings(prefix).Concat(extra ?? []))
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>Settings under which ingest queues every render, for tests that take render messages in an order of their own.</summary>
    public static Dictionary<string, string?> QueuedRenders => new() { ["Pipeline:RenderOnIngest"] = "false" };

    /// <summary>Settings that point another service graph at this one's resources: a second instance of the same app.</summary>
    public Dictionary<string, string?> StorageSettings() => StorageSettings(Prefix);

    private static Dictionary<string, string?> StorageSettings(string prefix)
    {
        var names = StorageOptions.Prefixed(prefix);
        return typeof(StorageOptions).GetProperties().ToDictionary(p => $"{StorageOptions.SectionName}:{p.Name}", p => (string?)p.GetValue(names));
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
