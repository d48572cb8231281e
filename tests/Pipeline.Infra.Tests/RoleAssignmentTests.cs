using Pipeline.Storage;
using static Pipeline.Infra.Tests.Grants;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The roles in infra/app/roles.bicep: each identity may write only what it owns. The app writes the site, the
/// content, its package and the host's state; editors write uploads; operators write templates; the deployer writes
/// only its probe upload and reads what `pipeline doctor` checks.
/// </summary>
public sealed class RoleAssignmentTests
{
    private static CompiledInfra Infra => CompiledInfra.Instance;

    private static string SiteName => Infra.Template.Single("Microsoft.Web/sites").GetString("name")!;

    /// <summary>The queue the blob extension puts each Event Grid notification on: azure-webjobs-blobtrigger-{host id}.</summary>
    private static string HostBlobTriggerQueue => "azure-webjobs-blobtrigger-" + SiteName.ToLowerInvariant();

    private static string DeploymentContainer => Infra.Template.Module("function-app").GetString("properties.parameters.deploymentContainerName.value")!;

    private static IEnumerable<string> Created(string type) => Infra.Template.OfType(type).SelectMany(r => r.Names());

    [Fact]
    public void BlobData_IsNeverGrantedOnTheWholeStorageAccount()
    {
        // A blob role on the account covers $web, templates and the app's own package: whoever holds it can put
        // a page on the site past the renderer's encoding, or replace the code that runs.
        var accountWide = All.Where(g => g.Scope == Account && g.Role.StartsWith("Storage Blob Data", StringComparison.Ordinal)).ToList();

        Assert.True(accountWide.Count == 0, "blob data roles on the whole account: " + string.Join("; ", accountWide));
    }

    [Fact]
    public void RoleAssignments_AreExactlyTheContract()
    {
        var contributor = Roles.NameOf(Roles.StorageBlobDataContributor);
        var reader = Roles.NameOf(Roles.StorageBlobDataReader);
        var queueContributor = Roles.NameOf(Roles.StorageQueueDataContributor);
        var queueReader = Roles.NameOf(Roles.StorageQueueDataReader);
        var expected = new List<Grant>
        {
            // Write on uploads and the delegator role only to sign the desk's one-blob upload addresses.
            new(App, contributor, Container("articles")),
            new(App, Roles.NameOf(Roles.StorageBlobDelegator), Account),
            new(App, reader, Container("templates")),
            new(App, contributor, Container("$web")),
            new(App, contributor, Container("content")),
            new(App, contributor, Container("app-package")),
            new(App, contributor, Container("azure-webjobs-hosts")),
            new(App, contributor, Container("azure-webjobs-secrets")),
            new(App, queueContributor, Queue("render")),
            new(App, queueContributor, Queue("render-poison")),
            new(App, queueContributor, Queue("webjobs-blobtrigger-poison")),
            new(App, queueContributor, Queue("webjobs-blobtrigger-poison-poison")),
            new(App, queueContributor, Queue(HostBlobTriggerQueue)),
            new(App, Roles.NameOf(Roles.StorageTableDataContributor), Account),
            new(App, Roles.NameOf(Roles.MonitoringMetricsPublisher), ApplicationInsights),
            new(Deployer, contributor, Container("articles")),
            new(Deployer, reader, Container("$web")),
            new(Deployer, reader, Container("content")),
            new(Deployer, reader, Container("templates")),
            new(Deployer, queueReader, Queue("render")),
            new(Deployer, queueReader, Queue("render-poison")),
            new(Deployer, queueReader, Queue("webjobs-blobtrigger-poison")),
            new(Deployer, Roles.NameOf(Roles.StorageTableDataReader), Account),
            new(Editor, contributor, Container("articles")),
            new(Editor, contributor, Container("articles")),
            new(Operator, contributor, Container("templates")),
        };

        Assert.Equal(expected.Select(g => g.ToString()).Order(), All.Select(g => g.ToString()).Order());
    }

    [Fact]
    public void Editors_MayWriteTheUploadsContainerOnly()
    {
        var watched = Assert.Single(Infra.Bindings, b => b.Binding["type"]!.GetValue<string>() == "blobTrigger").Binding["path"]!.GetValue<string>().Split('/')[0];

        // One assignment per editor given, each on the container the blob trigger watches.
        Assert.Equal(
            [$"{Editor}: {Roles.NameOf(Roles.StorageBlobDataContributor)} on {Container(watched)}", $"{Editor}: {Roles.NameOf(Roles.StorageBlobDataContributor)} on {Container(watched)}"],
            Of(Editor).Select(g => g.ToString()));
    }

    [Fact]
    public void Operators_MayWriteTheTemplatesContainerOnly()
    {
        Assert.Equal(
            [$"{Operator}: {Roles.NameOf(Roles.StorageBlobDataContributor)} on {Container(new StorageOptions().TemplatesContainer)}"],
            Of(Operator).Select(g => g.ToString()));
    }

    [Theory]
    [InlineData("$web", new[] { App })]
    [InlineData("content", new[] { App })]
    [InlineData("app-package", new[] { App })]
    [InlineData("azure-webjobs-hosts", new[] { App })]
    [InlineData("azure-webjobs-secrets", new[] { App })]
    [InlineData("articles", new[] { App, Deployer, Editor })]
    [InlineData("templates", new[] { Operator })]
    public void EachContainer_IsWrittenOnlyByItsOwners(string container, string[] owners)
    {
        Assert.Equal(owners.Order(), WritersOf(container));
    }

    public static TheoryData<string, string, string> TriggerNeeds()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (function, binding) in Infra.Bindings)
        {
            switch (binding["type"]!.GetValue<string>())
            {
                case "blobTrigger":
                    // Event Grid source: the extension queues the notification on its host queue, reads the blob, and
                    // after five failures moves it to the poison queue of the blob's account; nothing writes the blob.
                    data.Add(function, Container(binding["path"]!.GetValue<string>().Split('/')[0]), Roles.NameOf(Roles.StorageBlobDataReader));
                    data.Add(function, Queue(HostBlobTriggerQueue), Roles.NameOf(Roles.StorageQueueDataContributor));
                    data.Add(function, Queue(StorageNames.BlobTriggerPoisonQueue), Roles.NameOf(Roles.StorageQueueDataContributor));
                    break;
                case "queueTrigger":
                    var queue = binding["queueName"]!.GetValue<string>();
                    data.Add(function, Queue(queue), Roles.NameOf(Roles.StorageQueueDataContributor));
                    data.Add(function, Queue(queue + StorageNames.PoisonSuffix), Roles.NameOf(Roles.StorageQueueDataContributor));
                    break;
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TriggerNeeds))]
    public void AppIdentity_HasWhatEachTriggerNeeds(string function, string scope, string role)
    {
        // A contributor role holds everything the reader role of the same service does.
        var enough = role == Roles.NameOf(Roles.StorageBlobDataReader) ? new[] { role, Roles.NameOf(Roles.StorageBlobDataContributor) } : [role];
        Assert.True(
            enough.Any(r => Of(App).Contains(new Grant(App, r, scope))),
            $"{function} needs {role} on {scope}; the app has: {string.Join("; ", Of(App))}");
    }

    [Fact]
    public void AppIdentity_HasWhatTheFunctionsHostAndItsClientsNeed()
    {
        var names = new StorageOptions();
        var contributor = Roles.NameOf(Roles.StorageBlobDataContributor);
        var app = Of(App).ToList();

        // Flex Consumption writes and reads the package as the app's identity; the host keeps leases, timer
        // schedules and keys in its two containers; the site and the content are written by the app's clients.
        foreach (var container in new[] { DeploymentContainer, "azure-webjobs-hosts", "azure-webjobs-secrets", names.SiteContainer, names.ContentContainer })
        {
            Assert.Contains(new Grant(App, contributor, Container(container)), app);
        }

        Assert.Contains(new Grant(App, Roles.NameOf(Roles.StorageBlobDataReader), Container(names.TemplatesContainer)), app);
        Assert.Contains(new Grant(App, Roles.NameOf(Roles.StorageQueueDataContributor), Queue(names.RenderQueue)), app);
        Assert.Contains(new Grant(App, Roles.NameOf(Roles.StorageTableDataContributor), Account), app);
        Assert.Contains(new Grant(App, Roles.NameOf(Roles.MonitoringMetricsPublisher), ApplicationInsights), app);
    }

    [Fact]
    public void HostBlobTriggerQueue_IsNamedAfterTheHostIdTheRuntimeDerivesFromTheSiteName()
    {
        // The runtime's host id: the site name lowercased and cut to 32 characters, trailing '-' trimmed. The site
        // is func-<token>, and the token is uniqueString's 13 characters, so the id is the whole name.
        var token = Infra.Template.Root["variables"]!["resourceToken"]!.ToString();

        Assert.StartsWith("func-", SiteName, StringComparison.Ordinal);
        Assert.Contains("uniqueString(", token, StringComparison.Ordinal);
        Assert.StartsWith("[toLower(", token, StringComparison.Ordinal);
        Assert.True("func-".Length + 13 <= 32);
        Assert.Contains(HostBlobTriggerQueue, Created("Microsoft.Storage/storageAccounts/queueServices/queues"));
    }

    [Fact]
    public void Deployer_WritesOnlyUploads_AndReadsWhatDoctorAndPoisonCheck()
    {
        var names = new StorageOptions();
        var deployer = Of(Deployer).ToList();

        Assert.Equal([Container(names.UploadsContainer)], deployer.Where(g => Roles.BlobWrite.Contains(Roles.IdOf(g.Role))).Select(g => g.Scope));
        foreach (var container in new[] { names.UploadsContainer, names.SiteContainer, names.ContentContainer, names.TemplatesContainer })
        {
            Assert.Contains(deployer, g => g.Scope == Container(container) && Roles.BlobData.Contains(Roles.IdOf(g.Role)));
        }

        foreach (var queue in new[] { names.RenderQueue, names.RenderQueue + StorageNames.PoisonSuffix, StorageNames.BlobTriggerPoisonQueue })
        {
            Assert.Contains(new Grant(Deployer, Roles.NameOf(Roles.StorageQueueDataReader), Queue(queue)), deployer);
        }

        // The doctor asks the table service which tables exist; nothing the deployer holds writes a table or a queue.
        Assert.Contains(new Grant(Deployer, Roles.NameOf(Roles.StorageTableDataReader), Account), deployer);
        Assert.DoesNotContain(deployer, g => g.Role.Contains("Queue Data Contributor", StringComparison.Ordinal) || g.Role.Contains("Table Data Contributor", StringComparison.Ordinal));
    }

    [Fact]
    public void People_GetNoRoleUnlessTheirIdsAreGiven()
    {
        Assert.All(Defaults, g => Assert.Equal(App, g.Identity));
    }

    [Fact]
    public void EveryScope_IsAResourceTheTemplateCreates()
    {
        // A role on a container or queue that does not exist fails the deployment, and the app must not have to
        // create anything at start: it may not (it holds no role on the account for blobs or queues).
        var containers = Created("Microsoft.Storage/storageAccounts/blobServices/containers").Append(new StorageOptions().SiteContainer).ToHashSet();
        var queues = Created("Microsoft.Storage/storageAccounts/queueServices/queues").ToHashSet();

        Assert.All(All, g =>
        {
            if (g.Scope.StartsWith("container ", StringComparison.Ordinal))
            {
                Assert.Contains(g.Scope["container ".Length..], containers);
            }
            else if (g.Scope.StartsWith("queue ", StringComparison.Ordinal))
            {
                Assert.Contains(g.Scope["queue ".Length..], queues);
            }
            else
            {
                Assert.Contains(g.Scope, new[] { Account, ApplicationInsights });
            }
        });
    }

    [Fact]
    public void RoleAssignments_AreBuiltInRolesNamedByGuidAndScopedToOneResource()
    {
        Assert.All(Infra.Template.OfType("Microsoft.Authorization/roleAssignments"), assignment =>
        {
            Assert.StartsWith("[guid(", assignment.Json["name"]!.ToString(), StringComparison.Ordinal);
            Assert.NotNull(assignment.Json["scope"]);
            Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", assignment.Json["properties"]!["roleDefinitionId"]!.ToString(), StringComparison.Ordinal);
        });
        Assert.All(All, g => Assert.True(Roles.IsKnown(Roles.IdOf(g.Role)), $"{g}: not a built-in role this contract knows"));
    }

    [Fact]
    public void AppPrincipal_IsTheIdentityTheFunctionAppRunsAs()
    {
        var principal = Infra.Template.Module("roles").RawParameter("appPrincipalId")!;
        var runsAs = Infra.Template.Module("function-app").RawParameter("identityId")!;

        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", principal, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.principalId.value]", principal, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", runsAs, StringComparison.Ordinal);
    }
}
