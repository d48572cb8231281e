namespace Pipeline.Core.Rendering;

/// <summary>What every page's layout needs of the site: its name, addresses and the theme's asset links.</summary>
public sealed record SiteView
{
    public required string Name { get; init; }
    public required string BaseUrl { get; init; }
    public required string BasePath { get; init; }
    public required string Language { get; init; }
    public required string StylesheetHref { get; init; }
    public required string ScriptHref { get; init; }
    public required string SearchScriptHref { get; init; }
    public required string IconHref { get; init; }
    public required string SearchHref { get; init; }
    public required string SearchIndexHref { get; init; }
    public required string RssHref { get; init; }
    public required string AtomHref { get; init; }

    /// <summary>The sections with published articles, as header links.</summary>
    public IReadOnlyList<LinkView> Sections { get; init; } = [];

    /// <summary>Absolute address of the publisher logo (JSON-LD).</summary>
    public required string LogoUrl { get; init; }

    /// <summary>Absolute address of the share image used when an article has none (Open Graph, Twitter, JSON-LD).</summary>
    public required string CardUrl { get; init; }

    /// <summary>A base address for the page's links; only a preview served from another origin has one.</summary>
    public string? BaseHref { get; init; }

    /// <summary>The content security policy every page carries in a meta element (<see cref="SitePolicy"/>).</summary>
    public string ContentSecurityPolicy { get; init; } = SitePolicy.ContentSecurityPolicy;
}
