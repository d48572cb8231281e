using System.Security.Cryptography;
using System.Text;
using Fluid;
using Pipeline.Core.Publishing;

namespace Pipeline.Core.Rendering;

/// <summary>
/// The parsed templates and assets pages are rendered with: the embedded default theme with any operator overrides
/// laid over it. Immutable, so renders running in parallel share one instance.
/// </summary>
public sealed class SiteTheme
{
    public const string Layout = "layout.liquid";
    public const string ArticleTemplate = "article.liquid";
    public const string ListTemplate = "list.liquid";
    public const string SearchTemplate = "search.liquid";
    public const string NotFoundTemplate = "404.liquid";
    public const string RemovedTemplate = "removed.liquid";

    public const string Stylesheet = "style.css";
    public const string SiteScript = "site.js";
    public const string SearchScript = "search.js";
    public const string Logo = "logo.png";
    public const string Card = "card.png";
    public const string Icon = "icon.png";

    private const string ResourcePrefix = "Pipeline.Core.Rendering.Theme.";

    private static readonly FluidParser Parser = new();
    private static readonly Lazy<SiteTheme> DefaultTheme = new(() => Build(TemplateOverrides.None, []));

    private readonly Dictionary<string, IFluidTemplate> _templates;

    private SiteTheme(string version, Dictionary<string, IFluidTemplate> templates, IReadOnlyDictionary<string, SiteAsset> assets)
    {
        Version = version;
        _templates = templates;
        Assets = assets;
    }

    public static IReadOnlyList<string> TemplateNames { get; } = [Layout, ArticleTemplate, ListTemplate, SearchTemplate, NotFoundTemplate, RemovedTemplate];

    /// <summary>Asset files and the Content-Type each is served with.</summary>
    public static IReadOnlyDictionary<string, string> AssetTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Stylesheet] = SiteFile.Css,
        [SiteScript] = SiteFile.JavaScript,
        [SearchScript] = SiteFile.JavaScript,
        [Logo] = SiteFile.Png,
        [Card] = SiteFile.Png,
        [Icon] = SiteFile.Png,
    };

    /// <summary>The embedded theme, as shipped.</summary>
    public static SiteTheme Default => DefaultTheme.Value;

    /// <summary>The <see cref="TemplateOverrides.Version"/> this theme was built from.</summary>
    public string Version { get; }

    /// <summary>The sections with published articles, for the header's navigation.</summary>
    public IReadOnlyList<string> Sections { get; private init; } = [];

    /// <summary>This theme with the header's sections; the same instance when they are the same.</summary>
    public SiteTheme WithSections(IReadOnlyList<string> sections) =>
        Sections.SequenceEqual(sections, StringComparer.Ordinal) ? this : new SiteTheme(Version, _templates, Assets) { Sections = sections };

    public IReadOnlyDictionary<string, SiteAsset> Assets { get; }

    /// <summary>True for a file name an operator may override.</summary>
    public static bool IsThemeFile(string name) => TemplateNames.Contains(name) || AssetTypes.ContainsKey(name);

    /// <summary>
    /// The default theme with <paramref name="overrides"/> laid over it. An override that does not parse is left out
    /// (the default template stays) and described in <paramref name="problems"/>: a typo must not take the site down.
    /// </summary>
    public static SiteTheme Build(TemplateOverrides overrides, ICollection<string> problems)
    {
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var name in TemplateNames)
        {
            if (overrides.Files.TryGetValue(name, out var custom))
            {
                if (Parser.TryParse(Encoding.UTF8.GetString(custom.Span), out var parsed, out var error))
                {
                    templates[name] = parsed;
                    continue;
                }

                problems.Add($"{name} does not parse, the default is used: {error}");
            }

            templates[name] = DefaultTheme.IsValueCreated ? DefaultTheme.Value._templates[name] : ParseEmbedded(name);
        }

        var assets = new Dictionary<string, SiteAsset>(StringComparer.Ordinal);
        foreach (var (name, contentType) in AssetTypes)
        {
            var content = overrides.Files.TryGetValue(name, out var custom) ? custom : ReadEmbedded(name);
            assets[name] = new SiteAsset(name, content, contentType, Convert.ToHexStringLower(SHA256.HashData(content.Span))[..10]);
        }

        return new SiteTheme(overrides.Version, templates, assets);
    }

    internal IFluidTemplate Template(string name) => _templates[name];

    private static IFluidTemplate ParseEmbedded(string name) =>
        Parser.TryParse(Encoding.UTF8.GetString(ReadEmbedded(name)), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"embedded template {name} does not parse: {error}");

    private static byte[] ReadEmbedded(string name)
    {
        using var stream = typeof(SiteTheme).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"theme file {name} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
