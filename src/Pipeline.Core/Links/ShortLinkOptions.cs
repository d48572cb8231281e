using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Links;

/// <summary>Settings of the link service (section <c>ShortLinks</c>): redirect status, caching and click flushing.</summary>
public sealed class ShortLinkOptions : IValidatableObject
{
    public const string SectionName = "ShortLinks";

    /// <summary>Status of the redirect: 302 (default) or 307 keep later edits reachable; 301/308 are cached by browsers for good.</summary>
    public int RedirectStatus { get; set; } = 302;

    /// <summary>How long browsers and proxies may reuse a redirect (<c>Cache-Control: max-age</c>).</summary>
    [Range(0, 31_536_000)]
    public int RedirectMaxAgeSeconds { get; set; } = 60;

    /// <summary>How long this instance keeps a code → target in memory; other instances see an edit after at most this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an unknown code is remembered as unknown, so probing random codes costs no storage read each.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan NotFoundCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most codes the redirect cache holds.</summary>
    [Range(16, 10_000_000)]
    public int CacheCapacity { get; set; } = 10_000;

    /// <summary>Storage lookups (codes the cache does not know) one client may cause per second, sustained.</summary>
    [Range(1, 100_000)]
    public int LookupsPerSecond { get; set; } = 10;

    /// <summary>Lookups one client may cause at once before <see cref="LookupsPerSecond"/> applies.</summary>
    [Range(1, 100_000)]
    public int LookupBurst { get; set; } = 40;

    /// <summary>
    /// Header whose last entry is the client's address, when a front end that appends it stands before the app (in
    /// Azure, App Service's front end appends to <c>X-Forwarded-For</c>); empty: the connection's address.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>How often clicks counted in memory are added to storage.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClickFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Names the service also answers on besides <c>Pipeline:ShortLinkBaseUrl</c>'s host; links to them are refused as
    /// loops. In Azure the app's default host name is added from <c>WEBSITE_HOSTNAME</c>, which the platform sets.
    /// </summary>
    public List<string> OtherServiceHosts { get; set; } = [];

    private string? _cacheControl;

    /// <summary>The <c>Cache-Control</c> value of redirects (built once: it is read on every redirect).</summary>
    public string CacheControl => _cacheControl ??= RedirectMaxAgeSeconds == 0 ? "no-store" : $"private, max-age={RedirectMaxAgeSeconds}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RedirectStatus is not (301 or 302 or 303 or 307 or 308))
        {
            yield return new ValidationResult("RedirectStatus must be 301, 302, 303, 307 or 308", [nameof(RedirectStatus)]);
        }
    }
}
