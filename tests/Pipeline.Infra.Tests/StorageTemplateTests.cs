using Pipeline.Storage;

namespace Pipeline.Infra.Tests;

/// <summary>The storage account in infra/main.bicep: keyless, HTTPS only, and holding every resource the code uses.</summary>
public sealed class StorageTemplateTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    private static IEnumerable<string> Names(string type) => Infra.Template.OfType(type).SelectMany(r => r.Names());

    private static IEnumerable<string> Containers => Names("Microsoft.Storage/storageAccounts/blobServices/containers");

    private static IEnumerable<string> Queues => Names("Microsoft.Storage/storageAccounts/queueServices/queues");

    private static IEnumerable<string> Tables => Names("Microsoft.Storage/storageAccounts/tableServices/tables");

    [Fact]
    public void StorageAccount_AcceptsOnlyEntraIdOverHttps()
    {
        var account = Infra.Template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("StorageV2", account.GetString("kind"));
        Assert.False(account.Get("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.False(account.Get("properties.allowBlobPublicAccess")!.GetValue<bool>());
        Assert.True(account.Get("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.Equal("TLS1_2", account.GetString("properties.minimumTlsVersion"));
    }

    [Fact]
    public void Containers_IncludeThePathOfEveryBlobTrigger()
    {
        var watched = Infra.Bindings.Where(b => b.Binding["type"]!.GetValue<string>() == "blobTrigger")
            .Select(b => b.Binding["path"]!.GetValue<string>().Split('/')[0])
            .ToList();

        Assert.NotEmpty(watched);
        Assert.All(watched, container => Assert.Contains(container, Containers));
    }

    [Fact]
    public void Queues_IncludeEveryQueueTriggerAndItsPoisonQueue()
    {
        var read = Infra.Bindings.Where(b => b.Binding["type"]!.GetValue<string>() == "queueTrigger")
            .Select(b => b.Binding["queueName"]!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(read);
        Assert.All(read, queue =>
        {
            Assert.Contains(queue, Queues);
            Assert.Contains(queue + "-poison", Queues);
        });
    }

    [Fact]
    public void Resources_IncludeEveryContainerTableAndQueueTheCodeNames()
    {
        var names = new StorageOptions();

        Assert.Contains(names.UploadsContainer, Containers);
        Assert.Contains(names.ContentContainer, Containers);
        Assert.Contains(names.TemplatesContainer, Containers);
        Assert.Contains(names.RenderQueue, Queues);
        Assert.Equal(
            new[] { names.ArticlesTable, names.ArticleIndexTable, names.SlugsTable, names.ShortLinksTable, names.UploadsTable }.Order(),
            Tables.Order());
    }

    [Fact]
    public void StaticWebsite_ServesTheSitePublishersIndexAnd404Pages()
    {
        var blobService = Infra.Template.Single("Microsoft.Storage/storageAccounts/blobServices");

        // $web, where SitePublisher writes, is the static website's container: the service creates it when enabled.
        Assert.Equal("$web", new StorageOptions().SiteContainer);
        Assert.True(blobService.Get("properties.staticWebsite.enabled")!.GetValue<bool>());
        Assert.Equal("index.html", blobService.GetString("properties.staticWebsite.indexDocument"));
        Assert.Equal("404.html", blobService.GetString("properties.staticWebsite.errorDocument404Path"));
    }
}
