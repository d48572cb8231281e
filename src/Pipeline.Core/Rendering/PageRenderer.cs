using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Rendering;

/// <summary>Renders the site's pages from Liquid templates with HTML encoding on by default.</summary>
public sealed class PageRenderer
{
    private const string ThemePrefix = "Pipeline.Core.Rendering.Theme.";

    private static readonly FluidParser Parser = new();

    // Encodes markup characters but leaves every script readable as itself (typographic quotes, Arabic, Urdu).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly TemplateOptions _templateOptions;
    private readonly PipelineOptions _options;
    private readonly SiteView _site;

    public PageRenderer(IOptions<PipelineOptions> options)
    {
        _options = options.Value;
        _site = new SiteView(_options.SiteName, _options.SiteBaseUrl.ToString(), _options.SiteBaseUrl.AbsolutePath);
        _templateOptions = new TemplateOptions();
        _templateOptions.MemberAccessStrategy.Register<SiteView>();
        _templateOptions.MemberAccessStrategy.Register<PageView>();
        _templateOptions.MemberAccessStrategy.Register<ArticleView>();
        _templateOptions.MemberAccessStrategy.Register<ListItemView>();
    }

    public string RenderArticle(ArticleRecord record, ParsedArticle content, Uri shortUrl)
    {
        var url = Absolute(record.Path);
        var view = new ArticleView
        {
            Headline = content.Headline,
            Caption = content.Caption,
            Credit = content.ImageCredit,
            Byline = content.Byline,
            Edition = content.Edition,
            Section = record.Section,
            PublishedIso = Iso(record.PublishedAt),
            PublishedDisplay = Display(record.PublishedAt),
            UpdatedIso = content.Updated is { } u ? Iso(u) : null,
            UpdatedDisplay = content.Updated is { } d ? (content.UpdatedIsApproximate ? Display(d) : content.UpdatedText ?? Display(d)) : null,
            UpdatedApproximate = content.UpdatedIsApproximate,
            Summary = content.Summary,
            Dateline = content.Dateline,
            Paragraphs = content.Paragraphs,
            ShortUrl = shortUrl.ToString(),
            Url = url,
        };
        var page = new PageView($"{content.Headline} | {_options.SiteName}", record.Description, url, "en");
        return Render("article.liquid", page, ("article", view));
    }

    public string RenderHome(IReadOnlyList<ArticleSummary> latest)
    {
        var items = latest.Select(a => new ListItemView(a.Headline, a.Path, Iso(a.PublishedAt), Display(a.PublishedAt), a.Description)).ToList();
        var page = new PageView(_options.SiteName, $"The latest news from {_options.SiteName}", _site.BaseUrl, "en");
        return Render("home.liquid", page, ("articles", items));
    }

    public string RenderRemoved(ArticleRecord record)
    {
        var page = new PageView($"Article removed | {_options.SiteName}", null, Absolute(record.Path), "en");
        return Render("removed.liquid", page);
    }

    public string RenderNotFound()
    {
        var page = new PageView($"Page not found | {_options.SiteName}", null, _site.BaseUrl, "en");
        return Render("404.liquid", page);
    }

    /// <summary>The theme's stylesheet, as shipped.</summary>
    public static byte[] Stylesheet() => ReadTheme("style.css");

    private string Render(string templateName, PageView page, params (string Name, object Value)[] values)
    {
        var context = new TemplateContext(_templateOptions);
        context.SetValue("site", _site);
        context.SetValue("page", page);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        var body = Template(templateName).Render(context, Encoder);
        context.SetValue("body", body);
        return Template("layout.liquid").Render(context, Encoder);
    }

    private IFluidTemplate Template(string name) => _templates.GetOrAdd(name, static n =>
    {
        var source = Encoding.UTF8.GetString(ReadTheme(n));
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"template {n} does not parse: {error}");
    });

    private static byte[] ReadTheme(string name)
    {
        using var stream = typeof(PageRenderer).Assembly.GetManifestResourceStream(ThemePrefix + name)
            ?? throw new InvalidOperationException($"theme file {name} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private string Absolute(string path) => new Uri(_options.SiteBaseUrl, path).ToString();

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Display(DateTimeOffset value) => value.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
