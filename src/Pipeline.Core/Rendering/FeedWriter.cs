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

    public static byte[] Rss(FeedChannel channel, IReadOnlyList<ArticleSummary> items, Uri siteBase) => XmlFiles.Write(xml =>
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        xml.WriteAttributeString("xmlns", "media", null, MediaNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
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
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    public static byte[] Atom(FeedChannel channel, IReadOnlyList<ArticleSummary> items, Uri siteBase) => XmlFiles.Write(xml =>
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
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

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
        xml.WriteAttributeString("height", Math.Max(1, (int)Math.Round((double)picture.Height * width / picture.Width)).ToString(System.Globalization.CultureInfo.InvariantCulture));
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
