namespace Pipeline.Storage;

/// <summary>Default names of the storage resources; constants because trigger attributes need them at compile time.</summary>
public static class StorageNames
{
    /// <summary>The connection name every binding and client uses.</summary>
    public const string Connection = "PipelineStorage";

    public const string UploadsContainer = "articles";
    public const string SiteContainer = "$web";
    public const string ContentContainer = "content";
    public const string TemplatesContainer = "templates";

    public const string RenderQueue = "render";

    /// <summary>Where the queue trigger moves a message that failed five times: <c>{queue}-poison</c>.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Where the blob trigger puts an upload it gave up on (a host-wide name, not per container).</summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    public const string ArticlesTable = "Articles";
    public const string ArticleIndexTable = "ArticleIndex";
    public const string SlugsTable = "Slugs";
    public const string ShortLinksTable = "ShortLinks";
    public const string UploadsTable = "Uploads";
    public const string AuditTable = "Audit";

    /// <summary>The blob trigger's path: every upload, in any section folder.</summary>
    public const string UploadsTriggerPath = UploadsContainer + "/{name}";
}
