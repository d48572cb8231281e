using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Pipeline.Storage;

namespace Pipeline.DevHost;

/// <summary>Builds the local host's settings the way <c>func start</c> does: defaults, then local.settings.json Values, then environment.</summary>
public static class DevHostConfiguration
{
    public const string UploadsContainerKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.UploadsContainer);
    public const string RenderQueueKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.RenderQueue);

    /// <summary>Values every local run needs unless something overrides them.</summary>
    public static Dictionary<string, string?> Defaults(DevHostOptions host, string connectionString)
    {
        var names = new StorageOptions();
        return new Dictionary<string, string?>
        {
            [StorageNames.Connection] = connectionString,
            ["AzureWebJobsStorage"] = connectionString,
            [UploadsContainerKey] = names.UploadsContainer,
            [RenderQueueKey] = names.RenderQueue,
            ["Pipeline:SiteBaseUrl"] = $"http://127.0.0.1:{host.SitePort}/",
            ["Pipeline:ShortLinkBaseUrl"] = $"http://127.0.0.1:{host.ApiPort}/",
            [DevHostOptions.SectionName + ":" + nameof(DevHostOptions.ApiKey)] = host.ApiKey,
            // Keys are checked by the host's own key-protected route, here as in Azure (where WEBSITE_HOSTNAME names it).
            [Functions.Access.AccessOptions.SectionName + ":" + nameof(Functions.Access.AccessOptions.KeyCheckUrl)] =
                $"http://127.0.0.1:{host.ApiPort}/{Functions.Access.HostKeyCheck.Route}",
        };
    }

    /// <summary>The <c>Values</c> of the Functions project's local.settings.json, if the developer made one.</summary>
    public static Dictionary<string, string?> LocalSettings(string? repositoryRoot)
    {
        var values = new Dictionary<string, string?>();
        if (repositoryRoot is null)
        {
            return values;
        }

        var path = Path.Combine(repositoryRoot, "src", "Pipeline.Functions", "local.settings.json");
        if (!File.Exists(path))
        {
            return values;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var settings))
        {
            foreach (var setting in settings.EnumerateObject())
            {
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Value.ToString();
            }
        }

        return values;
    }
}
