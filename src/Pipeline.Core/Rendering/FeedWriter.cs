using Pipeline.Core.Articles;

namespace Pipeline.Core.Rendering;

/// <summary>RSS 2.0 and Atom 1.0 feeds of a listing, written from its index rows. Deterministic: no build time in them.</summary>
public static class FeedWriter
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>Media RSS, which feed readers of both formats read for an item's picture.</summary>
    public const string MediaNamespace = "http://search.yahoo.com/mrss/";

    /// <summary>Dublin Core, whose <c>creator</c> names an RSS item's author without the e-mail address RSS's own <c>author</c> wants.</summary>
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>RSS's module for an item's full content as HTML.</summary>
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <param name="bodies">The items' content by article id, for their full text; an item without one carries its summary only.</param>
    public static byte[] Rss(FeedChannel channel, IReadOnlyList<ArticleSummary> items, Uri siteBase, IReadOnlyDictionary<string, ParsedArticle>? bodies = null) => XmlFiles.Write(xml =>
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        xml.WriteAttributeString("xmlns", "media", null, MediaNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
        xml.WriteAttributeString("xmlns", "content", null, ContentNamespace);
        xml.WriteStartElement("channel");
        XmlFiles.Element(xml, "title", channel.Title);
        XmlFiles.Element(xml, "link", channel.PageUrl);
        XmlFiles.Element(xml, "description", channel.Description);
        XmlFiles.Element(xml, "language", channel.Language);
        xml.WriteStartElement("atom", "link", AtomNamespace);
        xml.WriteAttributeString("href", channel.RssUrl);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
        if (items.Count > 0)
        {
            XmlFiles.Element(xml, "lastBuildDate", SiteText.Rfc822(items.Max(i => i.UpdatedAt)));
        }

        foreach (var item in items)
        {
            var url = new Uri(siteBase, item.Path).ToString();
            xml.WriteStartElement("item");
            XmlFiles.Element(xml, "title", item.Headline);
            XmlFiles.Element(xml, "link", url);
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "true");
            xml.WriteString(url);
            xml.WriteEndElement();
            XmlFiles.Element(xml, "pubDate", SiteText.Rfc822(item.PublishedAt));
            if (item.Description is not null)
            {
                // RSS readers render an item's description as HTML: the summary is plain text, so it is HTML-encoded
                // before the XML writer escapes it again ("<script>" arrives as text, never as markup).
                XmlFiles.Element(xml, "description", System.Net.WebUtility.HtmlEncode(item.Description));
            }

            XmlFiles.Element(xml, "category", SiteText.Humanize(item.Section));
            if (item.Byline is not null)
            {
                xml.WriteStartElement("dc", "creator", DublinCoreNamespace);
                xml.WriteString(XmlFiles.Clean(item.Byline));
                xml.WriteEndElement();
            }

            Media(xml, item, siteBase);
            if (bodies is not null && bodies.TryGetValue(item.Id, out var body))
            {
                xml.WriteStartElement("content", "encoded", ContentNamespace);
                xml.WriteString(XmlFiles.Clean(BodyHtml(item, body, siteBase)));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    public static byte[] Atom(FeedChannel channel, IReadOnlyList<ArticleSummary> items, Uri siteBase, IReadOnlyDictionary<string, ParsedArticle>? bodies = null) => XmlFiles.Write(xml =>
    {
        xml.WriteStartElement("feed", AtomNamespace);
        xml.WriteAttributeString("xmlns", "media", null, MediaNamespace);
        xml.WriteAttributeString("xml", "lang", null, channel.Language);
        XmlFiles.Element(xml, "id", channel.PageUrl);
        XmlFiles.Element(xml, "title", channel.Title);
        XmlFiles.Element(xml, "subtitle", channel.Description);
        XmlFiles.Element(xml, "updated", SiteText.Iso(items.Count > 0 ? items.Max(i => i.UpdatedAt) : DateTimeOffset.UnixEpoch));
        Link(xml, "self", "application/atom+xml", channel.AtomUrl);
        Link(xml, "alternate", "text/html", channel.PageUrl);
        xml.WriteStartElement("author");
        XmlFiles.Element(xml, "name", channel.Publisher);
        xml.WriteEndElement();
        foreach (var item in items)
        {
            var url = new Uri(siteBase, item.Path).ToString();
            xml.WriteStartElement("entry");
            XmlFiles.Element(xml, "id", url);
            XmlFiles.Element(xml, "title", item.Headline);
            Link(xml, "alternate", "text/html", url);
            XmlFiles.Element(xml, "published", SiteText.Iso(item.PublishedAt));
            XmlFiles.Element(xml, "updated", SiteText.Iso(item.UpdatedAt > item.PublishedAt ? item.UpdatedAt : item.PublishedAt));
            if (item.Byline is not null)
            {
                xml.WriteStartElement("author");
                XmlFiles.Element(xml, "name", item.Byline);
                xml.WriteEndElement();
            }

            if (item.Description is not null)
            {
                XmlFiles.Element(xml, "summary", item.Description);
            }

            xml.WriteStartElement("category");
            xml.WriteAttributeString("term", item.Section);
            xml.WriteAttributeString("label", SiteText.Humanize(item.Section));
            xml.WriteEndElement();
            if (PictureUrl(item, siteBase) is { } picture)
            {
                Link(xml, "enclosure", "image/jpeg", picture);
            }

            Media(xml, item, siteBase);
            if (bodies is not null && bodies.TryGetValue(item.Id, out var body))
            {
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlFiles.Clean(BodyHtml(item, body, siteBase)));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    /// <summary>
    /// The article as a feed reader shows it: lead picture, summary points, the body with its dateline. Text only ever
    /// arrives HTML-encoded (the XML writer then escapes that again), so no field can become markup in a reader.
    /// </summary>
    public static string BodyHtml(ArticleSummary item, ParsedArticle body, Uri siteBase)
    {
        var html = new System.Text.StringBuilder(4096);
        if (PictureUrl(item, siteBase) is { } picture)
        {
            var alt = body.ImageAlt ?? body.Caption ?? body.Headline;
            html.Append("<p><img src=\"").Append(Html.Encode(picture)).Append("\" alt=\"").Append(Html.Encode(alt)).Append("\"></p>");
        }

        if (body.Summary.Count > 0)
        {
            html.Append("<ul>");
            foreach (var point in body.Summary)
            {
                html.Append("<li>").Append(Html.Encode(point)).Append("</li>");
            }

            html.Append("</ul>");
        }

        for (var i = 0; i < body.Paragraphs.Count; i++)
        {
            html.Append("<p>");
            if (i == 0 && body.Dateline is { } dateline)
            {
                html.Append("<strong>").Append(Html.Encode(dateline)).Append(":</strong> ");
            }

            html.Append(Html.Encode(body.Paragraphs[i])).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>The widest JPEG rendition of the item's lead picture (JPEG: every reader shows it), absolute.</summary>
    private static string? PictureUrl(ArticleSummary item, Uri siteBase) =>
        item.Picture is { } p ? new Uri(siteBase, Pictures.PictureRenderer.JpegPath(p.Key, p.Widths[^1])).ToString() : null;

    private static void Media(System.Xml.XmlWriter xml, ArticleSummary item, Uri siteBase)
    {
        if (item.Picture is not { } picture || PictureUrl(item, siteBase) is not { } url)
        {
            return;
        }

        var width = picture.Widths[^1];
        xml.WriteStartElement("media", "content", MediaNamespace);
        xml.WriteAttributeString("url", url);
        xml.WriteAttributeString("medium", "image");
        xml.WriteAttributeString("type", "image/jpeg");
        xml.WriteAttributeString("width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("height", picture.HeightAt(width).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void Link(System.Xml.XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
