using Azure.Storage.Blobs.Models;

namespace Pipeline.Cli.Doctor;

/// <summary>Whether the account's static website serves the site the way the pipeline writes it.</summary>
public static class StaticWebsiteCheck
{
    public const string IndexDocument = "index.html";
    public const string ErrorDocument = "404.html";

    /// <summary>
    /// Null when the settings serve the site (enabled, <c>index.html</c> for folders, <c>404.html</c> for missing paths),
    /// else what is wrong with them.
    /// </summary>
    public static string? Problem(BlobStaticWebsite? website) =>
        website is not { Enabled: true } ? "the static website is not enabled"
        : website.IndexDocument != IndexDocument ? $"the static website's index document is '{website.IndexDocument}', not '{IndexDocument}'"
        : website.ErrorDocument404Path != ErrorDocument ? $"the static website's 404 document is '{website.ErrorDocument404Path}', not '{ErrorDocument}'"
        : null;
}
