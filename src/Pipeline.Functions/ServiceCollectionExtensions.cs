using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Functions;

/// <summary>Registers what the function classes need beyond Core and Storage.</summary>
public static class ServiceCollectionExtensions
{
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static IServiceCollection AddPipelineFunctions(this IServiceCollection services)
    {
        services.AddSingleton<Http.ApiResults>();

        // Who may make management calls: function keys (checked by the host) and, when configured, Entra ID tokens.
        services.AddOptions<Access.AccessOptions>().BindConfiguration(Access.AccessOptions.SectionName).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Access.AccessOptions>, Access.AccessOptions.Check>();
        services.AddSingleton<Access.EntraTokens>();
        services.AddSingleton(sp => new Access.HostKeyCheck(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Access.AccessOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<Access.ManagementAccess>();

        // The Functions platform in Azure sets WEBSITE_HOSTNAME to the app's default host name (*.azurewebsites.net),
        // where the app answers too: short links to it would loop like links to the short-link domain.
        services.AddOptions<Core.Links.ShortLinkOptions>().Configure<Microsoft.Extensions.Configuration.IConfiguration>((links, configuration) =>
        {
            if (configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } platformHost)
            {
                links.OtherServiceHosts.Add(platformHost.Split(':')[0]);
            }
        });

        // Both hosts (the Functions worker and the local host) provision a fresh account the same way before they serve.
        services.AddSingleton<Storage.StartupProvisioning>();
        services.AddHostedService(sp => sp.GetRequiredService<Storage.StartupProvisioning>());
        return services;
    }

    /// <summary>
    /// The log levels of both hosts: the pipeline's own steps at Information (each names its BlobName, ArticleId or
    /// Code); the Azure SDK and the framework at Warning. Azure.Core reports every 4xx/5xx answer as a warning, the
    /// expected ones too (a missing blob is a 404, creating what exists a 409), so it is shown from Error: an
    /// unexpected answer raises an exception, which the pipeline or the host logs where it is not handled.
    /// </summary>
    public static ILoggingBuilder AddPipelineLogLevels(this ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Pipeline", LogLevel.Information);
        logging.AddFilter("Azure", LogLevel.Warning);
        logging.AddFilter("Azure.Core", LogLevel.Error);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        return logging;
    }

    /// <summary>
    /// Sends the worker's logs and dependencies to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING, with
    /// APPLICATIONINSIGHTS_AUTHENTICATION_STRING for Entra auth); without a connection string nothing is sent.
    /// </summary>
    public static IServiceCollection AddPipelineTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

        // The SDK adds a Warning-level filter for its provider; without removing it the Information logs that follow
        // one upload (BlobName, ArticleId, Code) through ingest, render and links would never reach Application Insights.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return services;
    }
}
