using Pipeline.Core.Articles;
using Pipeline.Core.Text;

namespace Pipeline.Core.Rendering;

/// <summary>Sitemaps (sitemaps.org 0.9): an index, one urlset per month of articles, and a Google News sitemap.</summary>
public static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>The most URLs one sitemap file may hold.</summary>
    public const int MaxUrls = 50_000;

    /// <summary>The most articles a news sitemap may hold.</summary>
    public const int MaxNewsUrls = 1_000;

    public static byte[] UrlSet(IEnumerable<ArticleSummary> items, Uri siteBase) => XmlFiles.Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        foreach (var item in items.Take(MaxUrls))
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, new Uri(siteBase, item.Path).ToString());
            xml.WriteElementString("lastmod", Namespace, SiteText.Iso(item.UpdatedAt > item.PublishedAt ? item.UpdatedAt : item.PublishedAt));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    /// <summary>The index of child sitemaps. No lastmod: the index then changes only when a month is added or emptied.</summary>
    public static byte[] Index(IEnumerable<string> sitemapUrls) => XmlFiles.Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Namespace);
        foreach (var url in sitemapUrls)
        {
            xml.WriteStartElement("sitemap", Namespace);
            xml.WriteElementString("loc", Namespace, url);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    public static byte[] News(IEnumerable<ArticleSummary> items, Uri siteBase, string publication, string siteLanguage) => XmlFiles.Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var item in items.Take(MaxNewsUrls))
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, new Uri(siteBase, item.Path).ToString());
            xml.WriteStartElement("news", NewsNamespace);
            xml.WriteStartElement("publication", NewsNamespace);
            xml.WriteElementString("name", NewsNamespace, XmlFiles.Clean(publication));
            xml.WriteElementString("language", NewsNamespace, ScriptLanguage.Guess(item.Headline) ?? siteLanguage.Split('-')[0]);
            xml.WriteEndElement();
            xml.WriteElementString("publication_date", NewsNamespace, SiteText.Iso(item.PublishedAt));
            xml.WriteElementString("title", NewsNamespace, XmlFiles.Clean(item.Headline));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });
}
