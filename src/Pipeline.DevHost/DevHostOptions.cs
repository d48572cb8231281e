using System.ComponentModel.DataAnnotations;

namespace Pipeline.DevHost;

/// <summary>Settings of the local host (section <c>DevHost</c>).</summary>
public sealed class DevHostOptions
{
    public const string SectionName = "DevHost";

    /// <summary>Port of the function HTTP routes, as <c>func start</c> uses.</summary>
    [Range(1, 65535)]
    public int ApiPort { get; set; } = 7071;

    /// <summary>Port of the static website (the <c>$web</c> container).</summary>
    [Range(1, 65535)]
    public int SitePort { get; set; } = 8080;

    /// <summary>Key the management API requires (<c>x-functions-key</c> header or <c>?code=</c>); when empty, one is generated (see <see cref="Http.LocalApiKey"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Local only: the desk works without signing in for a browser on this machine (its calls carry a header other
    /// sites' pages cannot send); scripts and the CLI still need the key. Off by default.
    /// </summary>
    public bool OpenDesk { get; set; }

    /// <summary>Upload the example articles when the uploads container is empty.</summary>
    public bool SeedExamples { get; set; } = true;

    /// <summary>Where Azurite keeps its data when the host starts it; relative to the repository.</summary>
    public string AzuriteLocation { get; set; } = ".azurite";
}
