using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.DevHost.Azurite;
using Pipeline.DevHost.Http;
using Pipeline.DevHost.Seeding;
using Pipeline.DevHost.Site;
using Pipeline.DevHost.Triggers;
using Pipeline.Functions;
using Pipeline.Storage;

namespace Pipeline.DevHost;

/// <summary>Runs the whole pipeline on one machine: Azurite, the triggers, the HTTP routes on :7071 and the site on :8080.</summary>
public static class DevHostApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryRoot.Find();
        var local = DevHostConfiguration.LocalSettings(root);
        var early = new ConfigurationBuilder().AddInMemoryCollection(local).AddEnvironmentVariables().AddCommandLine(args).Build();
        var hostOptions = early.GetSection(DevHostOptions.SectionName).Get<DevHostOptions>() ?? new DevHostOptions();
        using var startupLogs = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
        var log = startupLogs.CreateLogger("Pipeline.DevHost");

        (hostOptions.ApiKey, var keyNote) = LocalApiKey.Resolve(hostOptions.ApiKey, root);

        var connection = early[StorageNames.Connection] ?? early.GetConnectionString(StorageNames.Connection);
        AzuriteProcess? azurite = null;
        try
        {
            if (connection is null || connection.Equals(AzuriteEndpoints.Default.ConnectionString, StringComparison.OrdinalIgnoreCase))
            {
                if (root is null)
                {
                    log.LogError("Run the local host from the repository checkout (the folder with Pipeline.sln): it starts Azurite from there");
                    return 2;
                }

                azurite = await AzuriteProcess.EnsureRunningAsync(root, AzuriteEndpoints.Default, Path.Combine(root, hostOptions.AzuriteLocation), log, CancellationToken.None);
                connection = AzuriteEndpoints.Default.ConnectionString;
            }

            var app = Build(args, hostOptions, connection, local);
            await app.StartAsync();
            var stopping = app.Lifetime.ApplicationStopping;
            // Examples go up once the containers exist; a slow start goes on provisioning in the background meanwhile.
            await app.Services.GetRequiredService<StartupProvisioning>().Completion.WaitAsync(stopping);
            await AllowDeskUploadsAsync(app.Services.GetRequiredService<StorageClients>(), hostOptions.ApiPort, log, stopping);
            var seeded = hostOptions.SeedExamples && root is not null
                ? await app.Services.GetRequiredService<ExampleUploader>().UploadIfEmptyAsync(Path.Combine(root, "samples"), stopping)
                : [];
            _ = app.Services.GetRequiredService<ReadyReport>().PrintAsync(seeded, keyNote, Console.Out, stopping);
            try
            {
                await app.WaitForShutdownAsync();
            }
            catch (Exception ex) when (ex is AggregateException or Azure.RequestFailedException)
            {
                // Stopping is best effort: a lease that cannot be released simply expires.
                log.LogWarning("The local host stopped with errors: {Reason}", ex.Message);
            }

            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or IOException)
        {
            log.LogError("The local host could not start: {Reason}", ex.Message);
            return 1;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    /// <summary>What the template does in Azure (the blob service's CORS rule for the desk), done on the emulator for this host's origin.</summary>
    private static async Task AllowDeskUploadsAsync(StorageClients storage, int apiPort, ILogger log, CancellationToken cancellationToken)
    {
        try
        {
            await DeskUploadCors.EnsureAsync(storage.BlobService, [$"http://127.0.0.1:{apiPort}", $"http://localhost:{apiPort}"], cancellationToken);
        }
        catch (Azure.RequestFailedException ex)
        {
            log.LogWarning("The desk cannot upload: storage refused its CORS rule ({Reason})", ex.Message);
        }
    }

    private static WebApplication Build(string[] args, DevHostOptions hostOptions, string connection, Dictionary<string, string?> local)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection(DevHostConfiguration.Defaults(hostOptions, connection))
            .AddInMemoryCollection(local)
            .AddEnvironmentVariables()
            .AddCommandLine(args);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // The same levels as the Functions worker; then what only the local host has (Kestrel, the WebJobs SDK).
        builder.Logging.AddPipelineLogLevels();
        // Hosting only logs request start/finish (Information), but while it logs at all it starts an Activity and a
        // log scope for every request: a third of a cached redirect's cost. Unhandled errors are Kestrel's category.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Host", LogLevel.Warning);
        builder.Logging.AddFilter("Function", LogLevel.Warning);

        builder.WebHost.UseUrls($"http://127.0.0.1:{hostOptions.ApiPort}", $"http://127.0.0.1:{hostOptions.SitePort}");
        // The API takes JSON bodies only (the functions cap them at 64 KB); nothing larger needs to be read at all.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);

        builder.Services.AddPipelineCore().AddPipelineStorage(builder.Configuration).AddPipelineFunctions();
        foreach (var type in FunctionCatalog.All.Select(f => f.Type).Distinct())
        {
            builder.Services.AddTransient(type);
        }

        builder.Services.AddOptions<DevHostOptions>().BindConfiguration(DevHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<StaticSite>();

        // The site is compressed as Front Door compresses it in Azure (the storage static-website endpoint itself never
        // does): Brotli or gzip for text types on request, pictures as they are.
        builder.Services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            compression.MimeTypes = StaticSite.CompressedTypes;
        });
        builder.Services.AddSingleton<ExampleUploader>();
        builder.Services.AddSingleton<ReadyReport>();
        builder.Services.AddSingleton<ITypeLocator, TriggerTypeLocator>();
        builder.Services.AddSingleton<TriggerActivity>();
        builder.Services.AddHostedService<TimerTriggers>();

        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            // Locally every request goes to one Azurite event loop: renders fan out into many requests each, so more
            // ingests than renders run at once, or a burst's uploads queue behind its first pages (measured in the burst scenario).
            webJobs.AddAzureStorageBlobs(blobs => blobs.MaxDegreeOfParallelism = 16);
            webJobs.AddAzureStorageQueues(queues =>
            {
                // Short polling keeps upload → page latency low on an idle local machine.
                queues.MaxPollingInterval = TimeSpan.FromMilliseconds(250);
                queues.BatchSize = 8;
                queues.MaxDequeueCount = 5;
                queues.VisibilityTimeout = TimeSpan.FromSeconds(5);
            });
        });

        var app = builder.Build();
        var sitePort = hostOptions.SitePort;
        app.UseSecurityHeaders();
        app.MapWhen(context => context.Connection.LocalPort == sitePort,
            site => site.UseResponseCompression().Run(context => context.RequestServices.GetRequiredService<StaticSite>().ServeAsync(context)));
        app.MapFunctionEndpoints(hostOptions.ApiPort);
        return app;
    }
}
