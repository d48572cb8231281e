using Azure;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Core;
using Pipeline.Core.Publishing;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// A fresh account, started the way both hosts start the app (a generic host with the pipeline's services): before
/// any request, the containers, tables and queues exist and the site has its home page, 404 page and robots.txt.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupProvisioningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Start_FreshAccount_CreatesEveryResourceAndTheSiteSkeleton()
    {
        var prefix = AzuriteFixture.NewPrefix();
        using var host = BuildHost(prefix);

        await host.StartAsync();

        var clients = host.Services.GetRequiredService<StorageClients>();
        var report = await host.Services.GetRequiredService<StartupProvisioning>().Completion;
        Assert.Empty(report.Problems);
        Assert.Equal(clients.Resources().Select(r => r.Name).Order(), report.Created.Order());
        Assert.True(report.WroteHome);
        foreach (var resource in clients.Resources())
        {
            Assert.False(await resource.CreateIfMissingAsync(CancellationToken.None), $"{resource.Kind} {resource.Name} was still missing after start");
        }

        foreach (var path in new[] { SitePaths.Home, SitePaths.NotFound, SitePaths.Robots, SitePaths.SearchPage })
        {
            Assert.True((await clients.Site.GetBlobClient(path).ExistsAsync()).Value, $"{path} is missing from the site after start");
        }

        var home = (await clients.Site.GetBlobClient(SitePaths.Home).DownloadContentAsync()).Value;
        Assert.Equal("text/html; charset=utf-8", home.Details.ContentType);
        Assert.Contains("</html>", home.Content.ToString(), StringComparison.OrdinalIgnoreCase);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_SecondInstance_CreatesNothingAndLeavesTheHomePageAlone()
    {
        var prefix = AzuriteFixture.NewPrefix();
        using (var first = BuildHost(prefix))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        using var second = BuildHost(prefix);
        var clients = second.Services.GetRequiredService<StorageClients>();
        var before = (await clients.Site.GetBlobClient(SitePaths.Home).GetPropertiesAsync()).Value.ETag;
        await second.StartAsync();

        var report = await second.Services.GetRequiredService<StartupProvisioning>().Completion;
        Assert.Empty(report.Problems);
        Assert.Empty(report.Created);
        Assert.False(report.WroteHome);
        Assert.Equal(before, (await clients.Site.GetBlobClient(SitePaths.Home).GetPropertiesAsync()).Value.ETag);
        await second.StopAsync();
    }

    [Fact]
    public async Task Start_StorageRefusesOneTable_StartsAnywayAndNamesTheTableAndTheRole()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var refused = StorageOptions.Prefixed(prefix).ShortLinksTable;
        using var host = BuildHost(prefix, services => services.AddSingleton<StoragePipelinePolicy>(new RefuseTableCreation(refused)));

        await host.StartAsync();

        var report = await host.Services.GetRequiredService<StartupProvisioning>().Completion;
        var problem = Assert.Single(report.Problems);
        Assert.Contains($"Table '{refused}'", problem);
        Assert.Contains("Storage Table Data Contributor", problem);
        Assert.False(report.WroteHome);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_AsAnIdentityThatMayOnlyReadTheUploads_FindsThemThereAndWritesTheSite()
    {
        // In Azure the app holds Blob Data Reader on `articles` and `templates`: creating them answers 403 even
        // though infra/ made them, so start must ask whether they exist before it asks to create them.
        var prefix = AzuriteFixture.NewPrefix();
        var names = StorageOptions.Prefixed(prefix);
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient(names.UploadsContainer).CreateIfNotExistsAsync();
        await blobs.GetBlobContainerClient(names.TemplatesContainer).CreateIfNotExistsAsync();
        using var host = BuildHost(prefix, services => services.AddSingleton<StoragePipelinePolicy>(
            new RefuseContainerCreation(names.UploadsContainer, names.TemplatesContainer)));

        await host.StartAsync();

        var report = await host.Services.GetRequiredService<StartupProvisioning>().Completion;
        Assert.Empty(report.Problems);
        Assert.DoesNotContain(names.UploadsContainer, report.Created);
        Assert.True(report.WroteHome);
        await host.StopAsync();
    }

    /// <summary>Answers a container's creation as storage answers an identity with a reader role on it.</summary>
    private sealed class RefuseContainerCreation(params string[] containers) : StoragePipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            var uri = message.Request.Uri.ToUri();
            if (message.Request.Method == RequestMethod.Put && uri.Query.Contains("restype=container", StringComparison.Ordinal)
                && containers.Any(c => uri.AbsolutePath.EndsWith("/" + c, StringComparison.Ordinal)))
            {
                throw new RequestFailedException(403, "This request is not authorized to perform this operation using this permission.", "AuthorizationPermissionMismatch", null);
            }

            return ProcessNextAsync(message, pipeline);
        }
    }

    private IHost BuildHost(string prefix, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(PipelineServices.Settings(azurite, prefix));
        builder.Services.AddPipelineCore().AddPipelineStorage(builder.Configuration).AddPipelineFunctions();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Answers a table's creation as storage answers an identity without the table role.</summary>
    private sealed class RefuseTableCreation(string table) : StoragePipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal)
                && message.Request.Content is { } content && Body(content).Contains($"\"{table}\"", StringComparison.Ordinal))
            {
                throw new RequestFailedException(403, "This request is not authorized to perform this operation using this permission.", "AuthorizationPermissionMismatch", null);
            }

            return ProcessNextAsync(message, pipeline);
        }

        private static string Body(RequestContent content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, CancellationToken.None);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
