using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core;

/// <summary>Settings of the publishing pipeline itself (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Public base URL of the static site, e.g. <c>https://news.example.com/</c>.</summary>
    [Required]
    public Uri SiteBaseUrl { get; set; } = new("http://127.0.0.1:8080/");

    /// <summary>Public base URL of short links, e.g. <c>https://nws.example/</c>.</summary>
    [Required]
    public Uri ShortLinkBaseUrl { get; set; } = new("http://127.0.0.1:7071/");

    /// <summary>Site name shown in page titles and feeds.</summary>
    [Required]
    public string SiteName { get; set; } = "Pipeline News";

    /// <summary>Section of uploads not in a section folder.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$")]
    public string DefaultSection { get; set; } = "news";

    /// <summary>Uploads larger than this are refused before they are read.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The memory that ingests (their upload bytes) and page renders (about six bytes per character of an article) on one
    /// instance hold at once; further work waits its turn. Bounds the process when many large files arrive together.
    /// At least <see cref="MaxUploadBytes"/> is sensible.
    /// </summary>
    [Range(64 * 1024, 16L * 1024 * 1024 * 1024)]
    public long WorkingMemoryBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// True: the instance that stored an upload's articles renders their pages itself, from the records and content it
    /// holds (two storage reads and a queue message fewer per article, no wait for the queue); a render that fails
    /// there is queued as usual, and so are the pages of an upload whose renders would need more than an eighth of
    /// <see cref="WorkingMemoryBytes"/>. False: every render goes through the render queue.
    /// </summary>
    public bool RenderOnIngest { get; set; } = true;

    /// <summary>
    /// For tests only: lets the picture fetcher use plain http and reach loopback and private-network addresses. Off,
    /// an article's <c>image</c> address is fetched only over https from a public address (no request can reach the
    /// instance's own network or its metadata endpoint).
    /// </summary>
    public bool FetchPicturesFromPrivateNetworks { get; set; }

    /// <summary>How many articles the home page lists.</summary>
    [Range(1, 500)]
    public int HomePageSize { get; set; } = 30;

    /// <summary>How many articles one page of a section or tag lists.</summary>
    [Range(1, 500)]
    public int ListPageSize { get; set; } = 20;

    /// <summary>How many articles the RSS and Atom feeds carry.</summary>
    [Range(1, 200)]
    public int FeedItems { get; set; } = 20;

    /// <summary>Language of the site's own text (BCP 47), used where an article's language is not known.</summary>
    [Required]
    [RegularExpression("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    public string SiteLanguage { get; set; } = "en";

    /// <summary>How often, at most, the templates container is asked whether an operator changed a template.</summary>
    [Range(0, 86400)]
    public int TemplateRefreshSeconds { get; set; } = 30;
}
