using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage;

/// <summary>Names of the containers, tables and queue (section <c>Storage</c>); the defaults are what the triggers and infra use.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required] public string UploadsContainer { get; set; } = StorageNames.UploadsContainer;
    [Required] public string SiteContainer { get; set; } = StorageNames.SiteContainer;
    [Required] public string ContentContainer { get; set; } = StorageNames.ContentContainer;
    [Required] public string TemplatesContainer { get; set; } = StorageNames.TemplatesContainer;
    [Required] public string RenderQueue { get; set; } = StorageNames.RenderQueue;
    [Required] public string ArticlesTable { get; set; } = StorageNames.ArticlesTable;
    [Required] public string ArticleIndexTable { get; set; } = StorageNames.ArticleIndexTable;
    [Required] public string SlugsTable { get; set; } = StorageNames.SlugsTable;
    [Required] public string ShortLinksTable { get; set; } = StorageNames.ShortLinksTable;
    [Required] public string UploadsTable { get; set; } = StorageNames.UploadsTable;
    [Required] public string AuditTable { get; set; } = StorageNames.AuditTable;

    /// <summary>The same names with a prefix, so tests can each have their own resources in one account.</summary>
    public static StorageOptions Prefixed(string prefix)
    {
        var lower = prefix.ToLowerInvariant();
        var table = new string(prefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        return new StorageOptions
        {
            UploadsContainer = $"{lower}-articles",
            SiteContainer = $"{lower}-web",
            ContentContainer = $"{lower}-content",
            TemplatesContainer = $"{lower}-templates",
            RenderQueue = $"{lower}-render",
            ArticlesTable = $"{table}Articles",
            ArticleIndexTable = $"{table}ArticleIndex",
            SlugsTable = $"{table}Slugs",
            ShortLinksTable = $"{table}ShortLinks",
            UploadsTable = $"{table}Uploads",
            AuditTable = $"{table}Audit",
        };
    }
}
