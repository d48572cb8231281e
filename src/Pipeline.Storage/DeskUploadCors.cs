using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Storage;

/// <summary>
/// The blob service's CORS rule that lets the desk's page (on the function app's origin) write uploads straight to
/// storage with the addresses <c>POST /api/upload-grants</c> signs. Storage answers a browser's preflight with 403
/// unless a rule names the page's origin, on Azurite as in Azure. In Azure the template sets it
/// (infra/app/storage.bicep, checked against these values by tests/Pipeline.Infra.Tests); the local host sets it on
/// Azurite for its own origin, as the template would.
/// </summary>
public static class DeskUploadCors
{
    public const string AllowedMethods = "PUT";

    /// <summary>What the desk sends with a write: the blob type the service requires, and the file's type.</summary>
    public const string AllowedHeaders = "content-type,x-ms-blob-type";

    public const string ExposedHeaders = "x-ms-request-id,x-ms-error-code";

    public const int MaxAgeInSeconds = 3600;

    /// <summary>Adds <paramref name="origins"/> to the account's rule for desk uploads (creating it), keeping every other rule and origin.</summary>
    /// <returns>True when the rules had to change.</returns>
    public static async Task<bool> EnsureAsync(BlobServiceClient service, IReadOnlyCollection<string> origins, CancellationToken cancellationToken)
    {
        var properties = (await service.GetPropertiesAsync(cancellationToken)).Value;
        var rules = properties.Cors?.ToList() ?? [];
        var rule = rules.FirstOrDefault(r => r.AllowedMethods == AllowedMethods && r.AllowedHeaders == AllowedHeaders);
        if (rule is null)
        {
            rule = new BlobCorsRule { AllowedMethods = AllowedMethods, AllowedHeaders = AllowedHeaders, ExposedHeaders = ExposedHeaders, MaxAgeInSeconds = MaxAgeInSeconds, AllowedOrigins = "" };
            rules.Add(rule);
        }

        var allowed = rule.AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var missing = origins.Where(o => !allowed.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        // Azure allows 64 origins a rule; local hosts on passing ports (tests) would otherwise pile up.
        rule.AllowedOrigins = string.Join(',', allowed.Concat(missing).TakeLast(32));
        // The properties go back whole, as read: Azurite refuses (400) a body that holds only the CORS rules.
        properties.Cors = rules;
        await service.SetPropertiesAsync(properties, cancellationToken);
        return true;
    }
}
