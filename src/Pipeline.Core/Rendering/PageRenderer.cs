using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Pictures;
using Pipeline.Core.Publishing;
using Pipeline.Core.Text;

namespace Pipeline.Core.Rendering;

/// <summary>
/// Renders the site's HTML pages with a <see cref="SiteTheme"/>'s Liquid templates, HTML encoding on by default. Every
/// value is prepared here (absolute URLs, dates, language) so templates only print, and an operator's template cannot
/// forget an encoding.
/// </summary>
public sealed class PageRenderer
{
    // Encodes markup characters but leaves every script readable as itself (typographic quotes, Arabic, Urdu).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _templateOptions = new();
    private readonly PipelineOptions _options;
    private readonly string _basePath;
    private readonly ConditionalWeakTable<SiteTheme, SiteView> _sites = [];

    public PageRenderer(IOptions<PipelineOptions> options)
    {
        _options = options.Value;
        _basePath = _options.SiteBaseUrl.AbsolutePath;
        var members = _templateOptions.MemberAccessStrategy;
        members.Register<SiteView>();
        members.Register<PageView>();
        members.Register<MetaTag>();
        members.Register<FeedLink>();
        members.Register<LinkView>();
        members.Register<ListItemView>();
        members.Register<ListingView>();
        members.Register<ArticleView>();
        members.Register<PictureView>();
    }

    public string RenderArticle(SiteTheme theme, ArticleRecord record, ParsedArticle content, Uri shortUrl, ArticleNeighbourhood around) =>
        RenderArticle(Site(theme), theme, record, content, shortUrl, around);

    /// <summary>
    /// The article's page as it would be published, for an editor to look at before approving it: the same template,
    /// with links resolved against the site (the preview is served from another origin), no neighbours, and
    /// <paramref name="contentSecurityPolicy"/> in place of the site's.
    /// </summary>
    public string RenderPreview(SiteTheme theme, ArticleRecord record, ParsedArticle content, Uri shortUrl, string contentSecurityPolicy) =>
        RenderArticle(Site(theme) with { ContentSecurityPolicy = contentSecurityPolicy, BaseHref = _options.SiteBaseUrl.ToString() },
            theme, record, content, shortUrl, ArticleNeighbourhood.None);

    private string RenderArticle(SiteView site, SiteTheme theme, ArticleRecord record, ParsedArticle content, Uri shortUrl, ArticleNeighbourhood around)
    {
        var url = Absolute(record.Path);
        var language = ScriptLanguage.Guess(content.Headline + " " + content.Paragraphs.FirstOrDefault()) ?? _options.SiteLanguage;
        var pictures = Pictures(content);
        var image = pictures.Count > 0 ? null : SafeImageUrl(content.ImageUrl);
        var card = content.Pictures.Count > 0 ? Absolute(PictureRenderer.CardPath(content.Pictures[0].Key)) : null;
        var shareImage = card ?? image ?? site.CardUrl;
        var modified = record.UpdatedAt > record.PublishedAt ? record.UpdatedAt : record.PublishedAt;
        var section = SectionLink(record.Section);
        var month = ArticleListing.Month(record.PublishedAt);
        var view = new ArticleView
        {
            Headline = content.Headline,
            Language = language,
            Direction = ScriptLanguage.IsRightToLeft(language) ? "rtl" : "auto",
            Section = section,
            Tags = record.Tags.Select(t => new LinkView(t, Href(SitePaths.Folder(ArticleListing.Tag(t))))).DistinctBy(t => t.Href).ToList(),
            Month = new LinkView(SiteText.Month(month.Key!), Href(SitePaths.Folder(month))),
            ImageUrl = image,
            ImageAlt = image is null ? null : content.Caption ?? content.Headline,
            Lead = pictures.FirstOrDefault(),
            Gallery = [.. pictures.Skip(1)],
            Caption = content.Caption,
            Credit = content.ImageCredit,
            Byline = content.Byline,
            Edition = content.Edition,
            PublishedIso = SiteText.Iso(record.PublishedAt),
            PublishedDisplay = SiteText.DisplayDate(record.PublishedAt),
            PublishedApproximate = content.Published is null && content.UpdatedIsApproximate,

            // "Updated" only for a later version than the one first published, so it can never read earlier than Published.
            UpdatedIso = SiteText.Display(modified) != SiteText.Display(record.PublishedAt) ? SiteText.Iso(modified) : null,
            UpdatedDisplay = SiteText.Display(modified),
            Summary = content.Summary,
            Dateline = content.Dateline,
            Paragraphs = content.Paragraphs,
            ShortUrl = shortUrl.ToString(),
            Url = url,
            Newer = around.Newer is { } newer ? Item(newer, withSection: false) : null,
            Older = around.Older is { } older ? Item(older, withSection: false) : null,
            Related = around.Related.Select(a => Item(a, withSection: true)).ToList(),
        };

        var properties = new List<MetaTag>(12 + record.Tags.Count)
        {
            new("og:site_name", _options.SiteName),
            new("og:type", "article"),
            new("og:title", content.Headline),
            new("og:url", url),
            new("og:image", shareImage),
            new("og:locale", language.Replace('-', '_')),
            new("article:published_time", SiteText.Iso(record.PublishedAt)),
            new("article:modified_time", SiteText.Iso(modified)),
            new("article:section", section.Text),
        };
        if (record.Description is { } description)
        {
            properties.Insert(3, new MetaTag("og:description", description));
        }

        properties.AddRange(view.Tags.Select(t => new MetaTag("article:tag", t.Text)));
        var page = new PageView
        {
            Title = $"{content.Headline} | {_options.SiteName}",
            Description = record.Description,
            CanonicalUrl = url,
            Language = _options.SiteLanguage,
            Properties = properties,
            Names = TwitterCard(content.Headline, record.Description, shareImage, large: image is not null || card is not null),
            Feeds = Feeds(site, ArticleListing.Section(record.Section)),
            JsonLd = JsonLd.Article(new NewsArticleData(
                url, content.Headline, record.Description, ShareImages(content, shareImage), SiteText.Iso(record.PublishedAt), SiteText.Iso(modified), content.Byline,
                section.Text, record.Tags, language, _options.SiteName, site.BaseUrl, site.LogoUrl)),
        };
        return Render(theme, site, SiteTheme.ArticleTemplate, page, "article", view);
    }

    /// <summary>Page <paramref name="page"/> (1-based) of a listing: home, section, tag or month archive.</summary>
    public string RenderListing(SiteTheme theme, ArticleListing listing, int page, IReadOnlyList<ArticleSummary> items, bool hasOlder)
    {
        var site = Site(theme);
        var name = listing.Key is { } key ? (listing.Kind == ArticleListingKind.Month ? SiteText.Month(key) : SiteText.Humanize(key)) : _options.SiteName;
        var (heading, description) = listing.Kind switch
        {
            ArticleListingKind.All => ("Latest news", $"The latest news from {_options.SiteName}"),
            ArticleListingKind.Section => (name, $"The latest {name} news from {_options.SiteName}"),
            ArticleListingKind.Tag => (name, $"Articles about {name} from {_options.SiteName}"),
            _ => ($"Archive: {name}", $"Everything {_options.SiteName} published in {name}"),
        };
        var paged = page > 1 ? $", page {page}" : string.Empty;
        var title = listing.Kind == ArticleListingKind.All && page == 1 ? _options.SiteName : $"{heading}{paged} | {_options.SiteName}";
        var url = Absolute(SitePaths.PageFolder(listing, page));
        var feeds = listing.Kind == ArticleListingKind.Section;
        var withSection = listing.Kind != ArticleListingKind.Section;
        var front = page == 1 && listing.Kind is ArticleListingKind.All or ArticleListingKind.Section;
        var lead = front ? items.FirstOrDefault(a => a.Featured) ?? items.Take(LeadCandidates).FirstOrDefault(a => a.Picture is not null) : null;
        var rest = items.Where(a => a != lead).ToList();
        var secondary = lead is null ? [] : rest.Take(SecondaryStories).ToList();
        var view = new ListingView
        {
            Heading = heading + paged,
            Intro = listing.Kind == ArticleListingKind.Month ? $"{items.Count} {(items.Count == 1 ? "article" : "articles")} published in {name}." : null,
            Lead = lead is null ? null : Item(lead, withSection) with
            {
                Thumbnail = lead.Picture is { } picture ? View(picture, alt: string.Empty, caption: null, credit: null, lazy: false, position: null, ArticleSizes) : null,
            },
            Secondary = secondary.Select(a => Item(a, withSection) with
            {
                Thumbnail = a.Picture is { } picture ? View(picture, alt: string.Empty, caption: null, credit: null, lazy: false, position: null, SecondarySizes) : null,
            }).ToList(),
            Items = rest.Skip(secondary.Count).Select(a => Item(a, withSection, thumbnail: listing.Kind != ArticleListingKind.Month)).ToList(),
            Compact = listing.Kind == ArticleListingKind.Month,
            PageNumber = page,
            NewerHref = page > 1 ? Href(SitePaths.PageFolder(listing, page - 1)) : null,
            OlderHref = hasOlder ? Href(SitePaths.PageFolder(listing, page + 1)) : null,
            RssHref = feeds ? Href(SitePaths.Rss(listing)) : null,
            AtomHref = feeds ? Href(SitePaths.Atom(listing)) : null,
        };
        var pageView = new PageView
        {
            Title = title,
            Description = description,
            CanonicalUrl = url,
            Language = _options.SiteLanguage,
            Properties = WebsiteProperties(title, description, url, site.CardUrl),
            Names = TwitterCard(title, description, site.CardUrl, large: false),
            Feeds = Feeds(site, feeds ? listing : null),
        };
        return Render(theme, site, SiteTheme.ListTemplate, pageView, "listing", view);
    }

    public string RenderSearch(SiteTheme theme) => RenderNotice(theme, SiteTheme.SearchTemplate, "Search", SitePaths.SearchFolder, "noindex");

    public string RenderNotFound(SiteTheme theme) => RenderNotice(theme, SiteTheme.NotFoundTemplate, "Page not found", string.Empty, "noindex");

    public string RenderRemoved(SiteTheme theme, string articlePath) => RenderNotice(theme, SiteTheme.RemovedTemplate, "Article removed", articlePath, "noindex");

    private string RenderNotice(SiteTheme theme, string template, string heading, string path, string robots)
    {
        var site = Site(theme);
        var title = $"{heading} | {_options.SiteName}";
        var url = Absolute(path);
        var page = new PageView
        {
            Title = title,
            CanonicalUrl = url,
            Language = _options.SiteLanguage,
            Robots = robots,
            Properties = WebsiteProperties(title, null, url, site.CardUrl),
            Names = TwitterCard(title, null, site.CardUrl, large: false),
            Feeds = Feeds(site, null),
        };
        return Render(theme, site, template, page, "notice", null);
    }

    private string Render(SiteTheme theme, SiteView site, string template, PageView page, string name, object? model)
    {
        var context = new TemplateContext(_templateOptions);
        context.SetValue("site", site);
        context.SetValue("page", page);
        if (model is not null)
        {
            context.SetValue(name, model);
        }

        var body = theme.Template(template).Render(context, Encoder);
        context.SetValue("body", body);
        return theme.Template(SiteTheme.Layout).Render(context, Encoder);
    }

    private SiteView Site(SiteTheme theme) => _sites.GetValue(theme, t => new SiteView
    {
        Name = _options.SiteName,
        BaseUrl = _options.SiteBaseUrl.ToString(),
        BasePath = _basePath,
        Language = _options.SiteLanguage,
        StylesheetHref = AssetHref(t, SiteTheme.Stylesheet),
        ScriptHref = AssetHref(t, SiteTheme.SiteScript),
        SearchScriptHref = AssetHref(t, SiteTheme.SearchScript),
        IconHref = AssetHref(t, SiteTheme.Icon),
        SearchHref = Href(SitePaths.SearchFolder),
        SearchIndexHref = Href(SitePaths.SearchManifest),
        RssHref = Href(SitePaths.Rss(ArticleListing.Latest)),
        AtomHref = Href(SitePaths.Atom(ArticleListing.Latest)),
        LogoUrl = Absolute(AssetPath(t, SiteTheme.Logo)),
        CardUrl = Absolute(AssetPath(t, SiteTheme.Card)),
        Sections = t.Sections.Take(MaxNavigationSections).Select(SectionLink).ToList(),
    });

    /// <summary>The header names at most this many sections (alphabetically); every section keeps its own front.</summary>
    private const int MaxNavigationSections = 12;

    private ListItemView Item(ArticleSummary a, bool withSection, bool thumbnail = false) => new()
    {
        Thumbnail = thumbnail && a.Picture is { } picture ? View(picture, alt: string.Empty, caption: null, credit: null, lazy: true, position: null, ThumbnailSizes) : null,
        Headline = a.Headline,
        Href = Href(a.Path),
        PublishedIso = SiteText.Iso(a.PublishedAt),
        PublishedDisplay = SiteText.Display(a.PublishedAt),
        Description = a.Description,
        Section = withSection ? SectionLink(a.Section) : null,
        Language = ScriptLanguage.Guess(a.Headline),
    };

    private LinkView SectionLink(string section) => new(SiteText.Humanize(section), Href(SitePaths.Folder(ArticleListing.Section(section))));

    private IReadOnlyList<FeedLink> Feeds(SiteView site, ArticleListing? section)
    {
        var feeds = new List<FeedLink>(4)
        {
            new($"{_options.SiteName} (RSS)", site.RssHref, "application/rss+xml"),
            new($"{_options.SiteName} (Atom)", site.AtomHref, "application/atom+xml"),
        };
        if (section is not null)
        {
            var name = SiteText.Humanize(section.Key!);
            feeds.Add(new FeedLink($"{name} (RSS)", Href(SitePaths.Rss(section)), "application/rss+xml"));
            feeds.Add(new FeedLink($"{name} (Atom)", Href(SitePaths.Atom(section)), "application/atom+xml"));
        }

        return feeds;
    }

    private List<MetaTag> WebsiteProperties(string title, string? description, string url, string image)
    {
        var properties = new List<MetaTag> { new("og:site_name", _options.SiteName), new("og:type", "website"), new("og:title", title) };
        if (description is not null)
        {
            properties.Add(new MetaTag("og:description", description));
        }

        properties.Add(new MetaTag("og:url", url));
        properties.Add(new MetaTag("og:image", image));
        return properties;
    }

    private static List<MetaTag> TwitterCard(string title, string? description, string image, bool large)
    {
        var names = new List<MetaTag> { new("twitter:card", large ? "summary_large_image" : "summary"), new("twitter:title", title) };
        if (description is not null)
        {
            names.Add(new MetaTag("twitter:description", description));
        }

        names.Add(new MetaTag("twitter:image", image));
        return names;
    }

    /// <summary>The uploaded pictures as the page shows them: the lead eager (it is the page's largest paint), the rest lazy.</summary>
    private List<PictureView> Pictures(ParsedArticle content)
    {
        var views = new List<PictureView>(content.Pictures.Count);
        for (var i = 0; i < content.Pictures.Count; i++)
        {
            var picture = content.Pictures[i];
            var (caption, credit) = i == 0
                ? (content.Caption ?? content.Gallery.FirstOrDefault()?.Caption, content.ImageCredit ?? content.Gallery.FirstOrDefault()?.Credit)
                : (content.Gallery.ElementAtOrDefault(i)?.Caption, content.Gallery.ElementAtOrDefault(i)?.Credit);
            var given = i == 0 ? content.ImageAlt : null;
            var alt = !string.IsNullOrWhiteSpace(given) ? given : string.IsNullOrWhiteSpace(caption) ? content.Headline : caption;
            views.Add(View(picture, alt, caption, credit, lazy: i > 0, position: content.Pictures.Count > 1 ? $"{i + 1} of {content.Pictures.Count}" : null, ArticleSizes));
        }

        return views;
    }

    private PictureView View(ArticlePicture picture, string alt, string? caption, string? credit, bool lazy, string? position, string sizes)
    {
        var widest = picture.Widths[^1];
        return new PictureView(
            Src: Href(PictureRenderer.JpegPath(picture.Key, widest)),
            WebpSrcset: Srcset(picture, PictureRenderer.WebpPath),
            JpegSrcset: Srcset(picture, PictureRenderer.JpegPath),
            Sizes: sizes,
            Width: widest,
            Height: picture.HeightAt(widest),
            Alt: alt,
            Caption: caption,
            Credit: credit,
            Lazy: lazy,
            Position: position);
    }

    /// <summary>How far down a front looks for a lead story with a picture before it leads with none.</summary>
    private const int LeadCandidates = 5;

    /// <summary>Stories under the lead, each with its picture in a row of three (one column on a phone).</summary>
    private const int SecondaryStories = 3;

    /// <summary>A secondary story's picture: a third of the column, the full width on a phone.</summary>
    private const string SecondarySizes = "(min-width: 44rem) 13rem, calc(100vw - 2rem)";

    /// <summary>A listing's thumbnail: 7rem beside the headline; the browser takes the smallest rendition.</summary>
    private const string ThumbnailSizes = "7rem";

    private string Srcset(ArticlePicture picture, Func<string, int, string> path) =>
        string.Join(", ", picture.Widths.Select(w => $"{Href(path(picture.Key, w))} {w}w"));

    /// <summary>The article column: the page's 44rem less its padding, or the screen less the same padding.</summary>
    private const string ArticleSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    /// <summary>JSON-LD <c>image</c>: the social card (1.91:1), then the widest rendition of each picture in its own shape.</summary>
    private List<string> ShareImages(ParsedArticle content, string shareImage) =>
        [shareImage, .. content.Pictures.Select(p => Absolute(PictureRenderer.JpegPath(p.Key, p.Widths[^1])))];

    /// <summary>
    /// The lead image's absolute address when it is one a page may show: https anywhere, or http on the site itself.
    /// Anything else (<c>javascript:</c>, <c>data:</c>, plain http elsewhere, which the site's CSP would block) is dropped.
    /// </summary>
    private string? SafeImageUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(_options.SiteBaseUrl, value.Trim(), out var uri) || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var sameSite = string.Equals(uri.Authority, _options.SiteBaseUrl.Authority, StringComparison.OrdinalIgnoreCase) && uri.Scheme == _options.SiteBaseUrl.Scheme;
        return uri.Scheme == Uri.UriSchemeHttps || sameSite ? uri.AbsoluteUri : null;
    }

    private static string AssetPath(SiteTheme theme, string name) => $"{SitePaths.Asset(name)}?v={theme.Assets[name].Version}";

    private string AssetHref(SiteTheme theme, string name) => Href(AssetPath(theme, name));

    private string Href(string sitePath) => _basePath + sitePath;

    private string Absolute(string sitePath) => new Uri(_options.SiteBaseUrl, sitePath).ToString();
}
