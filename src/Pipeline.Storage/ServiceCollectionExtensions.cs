using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Publishing;
using Pipeline.Core.Rendering;
using Pipeline.Core.Uploads;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Queues;
using Pipeline.Storage.Tables;

namespace Pipeline.Storage;

/// <summary>Registers the Azure Storage implementations of the pipeline's stores.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var connection = StorageConnection.From(configuration);
        services.AddAzureClients(builder =>
        {
            if (connection.ConnectionString is { } connectionString)
            {
                builder.AddBlobServiceClient(connectionString);
                builder.AddQueueServiceClient(connectionString).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                builder.AddTableServiceClient(connectionString);
            }
            else
            {
                builder.AddBlobServiceClient(connection.BlobServiceUri!);
                builder.AddQueueServiceClient(connection.QueueServiceUri!).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                builder.AddTableServiceClient(connection.TableServiceUri!);
                builder.UseCredential(connection.CreateCredential());
            }

            // Transient faults (throttling, timeouts, 5xx) are retried with exponential backoff before a trigger retry is spent.
            builder.ConfigureDefaults((options, provider) =>
            {
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 5;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);

                // Extra pipeline policies (fault injection in tests, diagnostics) come from the container.
                foreach (var policy in provider.GetServices<StoragePipelinePolicy>())
                {
                    options.AddPolicy(policy, policy.Position);
                }
            });
        });

        services.AddSingleton<StorageClients>();
        services.AddSingleton<ContentCache>();
        services.AddSingleton<IArticleStore, TableArticleStore>();
        services.AddSingleton<IShortLinkStore, TableShortLinkStore>();
        services.AddSingleton<IUploadStatusStore, TableUploadStatusStore>();
        services.AddSingleton<IUploadStore, BlobUploadStore>();
        services.AddSingleton<IUploadGrantSigner, BlobUploadGrantSigner>();
        services.AddSingleton<Core.Audit.IAuditLog, TableAuditLog>();
        services.AddSingleton<PoisonQueues>();
        services.AddSingleton<IPreviewStore, BlobPreviewStore>();
        services.AddSingleton<ISiteStore, BlobSiteStore>();
        services.AddSingleton<ITemplateSource, BlobTemplateSource>();
        services.AddSingleton<IRenderQueue, StorageRenderQueue>();
        return services;
    }
}
