using System.Text.Json.Nodes;
using Pipeline.Storage;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The storage account in infra/main.bicep: keyless, HTTPS only, holding every resource the code uses, keeping what is
/// overwritten or deleted, and logging who wrote or deleted what.
/// </summary>
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
            new[] { names.ArticlesTable, names.ArticleIndexTable, names.SlugsTable, names.ShortLinksTable, names.UploadsTable, names.AuditTable }.Order(),
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

    [Fact]
    public void Containers_IncludeTheFunctionsHostsOwn()
    {
        // Roles are scoped to each container, so the host cannot create its own: the template does.
        Assert.Contains("azure-webjobs-hosts", Containers);
        Assert.Contains("azure-webjobs-secrets", Containers);
    }

    [Fact]
    public void BlobService_KeepsEveryVersionAndDeletedBlobsForTwoWeeks()
    {
        var blobService = Infra.Template.Single("Microsoft.Storage/storageAccounts/blobServices");

        // An overwritten upload, page or template keeps its previous version; a deleted one can be undeleted.
        Assert.True(blobService.Get("properties.isVersioningEnabled")!.GetValue<bool>());
        Assert.True(blobService.Get("properties.deleteRetentionPolicy.enabled")!.GetValue<bool>());
        Assert.Equal(14, blobService.Get("properties.deleteRetentionPolicy.days")!.GetValue<int>());
        Assert.False(blobService.Get("properties.deleteRetentionPolicy.allowPermanentDelete")!.GetValue<bool>());
        Assert.True(blobService.Get("properties.containerDeleteRetentionPolicy.enabled")!.GetValue<bool>());
        Assert.Equal(7, blobService.Get("properties.containerDeleteRetentionPolicy.days")!.GetValue<int>());
    }

    [Fact]
    public void BlobService_LetsOnlyTheDesksOriginsWriteUploadsCrossOrigin_AsTheCodeExpects()
    {
        var blobService = Infra.Template.Single("Microsoft.Storage/storageAccounts/blobServices");
        var rule = Assert.Single(blobService.Get("properties.cors.corsRules")!.AsArray())!.AsObject();
        static string Joined(JsonNode? list) => string.Join(",", list!.AsArray().Select(v => v!.GetValue<string>()));

        Assert.Equal(DeskUploadCors.AllowedMethods, Joined(rule["allowedMethods"]));
        Assert.Equal(DeskUploadCors.AllowedHeaders, Joined(rule["allowedHeaders"]));
        Assert.Equal(DeskUploadCors.ExposedHeaders, Joined(rule["exposedHeaders"]));
        Assert.Equal(DeskUploadCors.MaxAgeInSeconds, rule["maxAgeInSeconds"]!.GetValue<int>());
        // The function app that serves the desk, by the name the template gives it; no wildcard.
        var site = Infra.Template.Single("Microsoft.Web/sites").GetString("name")!;
        Assert.Equal([$"https://{site}.azurewebsites.net"], rule["allowedOrigins"]!.AsArray().Select(v => v!.GetValue<string>()));

        // With a short-link domain the desk is also reached there.
        var withDomain = Infra.With(new JsonObject { ["shortLinkDomain"] = "nws.example" }).Single("Microsoft.Storage/storageAccounts/blobServices");
        Assert.Equal([$"https://{site}.azurewebsites.net", "https://nws.example"],
            withDomain.Get("properties.cors.corsRules")!.AsArray()[0]!["allowedOrigins"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Lifecycle_DeletesThePreviewsTheDeskLeftAfterADay()
    {
        var policy = Infra.Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = policy.Get("properties")!["policy"]!["rules"]!.AsArray().OfType<JsonObject>().Single(r => r["name"]!.GetValue<string>() == "delete-stale-previews");

        Assert.Equal([$"{new StorageOptions().ContentContainer}/{Pipeline.Storage.Blobs.BlobPreviewStore.Prefix}"],
            rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(1, rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<int>());
    }

    /// <summary>Days after which the lifecycle policy deletes a previous version, by container.</summary>
    private static Dictionary<string, List<int>> VersionExpiry()
    {
        var policy = Infra.Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var expiry = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var rule in policy.Get("properties")!["policy"]!["rules"]!.AsArray().OfType<JsonObject>())
        {
            Assert.True(rule["enabled"]!.GetValue<bool>(), $"rule {rule["name"]} is off");
            var days = rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<int>();
            foreach (var prefix in rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => p!.GetValue<string>()))
            {
                // A whole container: "<container>/", so that "content" does not also match "content-old".
                Assert.EndsWith("/", prefix, StringComparison.Ordinal);
                expiry.TryAdd(prefix.TrimEnd('/'), []);
                expiry[prefix.TrimEnd('/')].Add(days);
            }
        }

        return expiry;
    }

    [Fact]
    public void Lifecycle_DeletesOldVersionsInEveryContainerItCanReach_RewrittenOnesFirst()
    {
        var expiry = VersionExpiry();
        var names = new StorageOptions();

        // Versioning covers the whole blob service: a container without a rule would keep every overwrite for ever.
        Assert.All(Containers, container => Assert.True(
            expiry.TryGetValue(container, out var days) && days.Count == 1,
            $"previous versions in '{container}' are never deleted (or by more than one rule)"));

        // Lifecycle management skips system containers: a rule naming $web would promise what it does not do.
        Assert.DoesNotContain(names.SiteContainer, expiry.Keys);

        // Rewritten by the app and the host: a week of versions. Uploads and templates, which people write: a year.
        Assert.Equal(7, expiry[names.ContentContainer].Single());
        Assert.Equal(7, expiry["app-package"].Single());
        Assert.Equal(7, expiry["azure-webjobs-hosts"].Single());
        Assert.Equal(365, expiry[names.UploadsContainer].Single());
        Assert.Equal(365, expiry[names.TemplatesContainer].Single());
    }

    [Theory]
    [InlineData("blobServices")]
    [InlineData("queueServices")]
    [InlineData("tableServices")]
    public void DiagnosticSettings_SendEveryWriteAndDeleteToLogAnalytics(string service)
    {
        var setting = Assert.Single(
            Infra.Template.OfType("Microsoft.Insights/diagnosticSettings"),
            d => d.GetString("scope")?.EndsWith($"/{service}/default", StringComparison.Ordinal) == true);
        var logs = setting.Get("properties")!["logs"]!.AsArray().OfType<JsonObject>()
            .Where(l => l["enabled"]!.GetValue<bool>())
            .Select(l => l["category"]!.GetValue<string>())
            .ToList();

        Assert.Contains("StorageWrite", logs);
        Assert.Contains("StorageDelete", logs);
        Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", setting.Json["properties"]!["workspaceId"]!.ToString());
        var workspace = Infra.Template.Module("storage").RawParameter("logAnalyticsWorkspaceId")!;
        Assert.Contains("'monitoring'", workspace, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.logAnalyticsId.value]", workspace, StringComparison.Ordinal);
    }

    [Fact]
    public void Replication_IsAParameter_LocallyRedundantByDefault()
    {
        var parameter = Infra.Template.Root["parameters"]!["storageSku"]!;
        var allowed = parameter["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>());

        // Standard general-purpose v2 redundancies: all keep blobs, queues and tables, which the Functions host needs.
        Assert.Equal(
            new[] { "Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS" }.Order(),
            allowed.Order());
        Assert.Equal("Standard_LRS", parameter["defaultValue"]!.GetValue<string>());
        Assert.Equal("Standard_LRS", Infra.Template.Single("Microsoft.Storage/storageAccounts").GetString("sku.name"));
        Assert.Equal("Standard_GZRS", Infra.With(new JsonObject { ["storageSku"] = "Standard_GZRS" }).Single("Microsoft.Storage/storageAccounts").GetString("sku.name"));
    }
}
