using System.Xml.Linq;
using Pipeline.Core.Articles;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Tests.Rendering;

public sealed class FeedWriterTests
{
    private static readonly Uri Site = new("https://news.example/");
    private static readonly FeedChannel Channel = new("News", "The latest news", "https://news.example/", "https://news.example/feed.xml", "https://news.example/atom.xml", "en", "News");

    [Fact]
    public void Rss_HeadlineWithControlCharacterAndMarkup_IsValidXmlWithTheTextKept()
    {
        var item = new ArticleSummary("a1", "Bell\u0007 <b>rings</b> & more", "2026/03/03/bell/", "world",
            new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero), null, "abc");

        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Rss(Channel, [item], Site)));

        var entry = rss.Root!.Element("channel")!.Element("item")!;
        Assert.Equal("Bell <b>rings</b> & more", entry.Element("title")!.Value);
        Assert.Equal("https://news.example/2026/03/03/bell/", entry.Element("guid")!.Value);
        Assert.Equal("Tue, 03 Mar 2026 10:00:00 GMT", entry.Element("pubDate")!.Value);
    }

    [Fact]
    public void Rss_DescriptionWithMarkup_ReachesAFeedReaderAsTextNotMarkup()
    {
        var item = new ArticleSummary("a1", "Headline", "2026/03/03/x/", "world",
            new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), "Quote: <script>alert(1)</script> & more", "abc");

        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Rss(Channel, [item], Site)));

        // A reader takes the element's text as HTML: it must be the encoded form, which displays as the original text.
        var description = rss.Root!.Element("channel")!.Element("item")!.Element("description")!.Value;
        Assert.Equal("Quote: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more", description);
        Assert.Equal("Quote: <script>alert(1)</script> & more", System.Net.WebUtility.HtmlDecode(description));
    }

    [Fact]
    public void Atom_NoArticles_IsStillAValidFeedWithAnUpdatedTime()
    {
        XNamespace atom = FeedWriter.AtomNamespace;

        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Atom(Channel, [], Site))).Root!;

        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal("1970-01-01T00:00:00Z", feed.Element(atom + "updated")!.Value);
        Assert.Empty(feed.Elements(atom + "entry"));
    }

    [Fact]
    public void Feeds_ItemWithAPicture_CarryItsWidestJpegForReaders()
    {
        XNamespace atom = FeedWriter.AtomNamespace;
        XNamespace media = FeedWriter.MediaNamespace;
        var item = new ArticleSummary("a1", "Headline", "2026/03/03/x/", "world",
            new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), null, "abc",
            new ArticlePicture("k1", 2400, 1600, [480, 960, 1600], string.Empty));
        var plain = item with { Id = "a2", Path = "2026/03/03/y/", Picture = null };

        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Rss(Channel, [item, plain], Site))).Root!.Element("channel")!.Elements("item").ToList();
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Atom(Channel, [item, plain], Site))).Root!.Elements(atom + "entry").ToList();

        var content = rss[0].Element(media + "content")!;
        Assert.Equal("https://news.example/images/k1/1600.jpg", content.Attribute("url")!.Value);
        Assert.Equal(("image", "1600", "1067"), (content.Attribute("medium")!.Value, content.Attribute("width")!.Value, content.Attribute("height")!.Value));
        Assert.Null(rss[1].Element(media + "content"));
        Assert.Equal("https://news.example/images/k1/1600.jpg", feed[0].Elements(atom + "link").Single(l => l.Attribute("rel")!.Value == "enclosure").Attribute("href")!.Value);
        Assert.NotNull(feed[0].Element(media + "content"));
        Assert.DoesNotContain(feed[1].Elements(atom + "link"), l => l.Attribute("rel")!.Value == "enclosure");
    }

    [Fact]
    public void Feeds_ItemWithAByline_NameItsAuthor()
    {
        XNamespace atom = FeedWriter.AtomNamespace;
        XNamespace dc = FeedWriter.DublinCoreNamespace;
        var at = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
        var item = new ArticleSummary("a1", "Headline", "2026/03/03/x/", "world", at, at, null, "abc", Byline: "Rina Saeed Khan");

        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Rss(Channel, [item], Site))).Root!.Element("channel")!.Element("item")!;
        var entry = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Atom(Channel, [item], Site))).Root!.Element(atom + "entry")!;

        Assert.Equal("Rina Saeed Khan", rss.Element(dc + "creator")!.Value);
        Assert.Equal("Rina Saeed Khan", entry.Element(atom + "author")!.Element(atom + "name")!.Value);
    }

    [Fact]
    public void Feeds_ItemWithItsContent_CarryTheFullTextAsHtmlThatCannotBecomeMarkup()
    {
        XNamespace atom = FeedWriter.AtomNamespace;
        XNamespace content = FeedWriter.ContentNamespace;
        var at = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
        var item = new ArticleSummary("a1", "Headline", "2026/03/03/x/", "world", at, at, "Point", "abc");
        var body = new ParsedArticle
        {
            Headline = "Headline",
            Summary = ["Point"],
            Dateline = "KARACHI",
            Paragraphs = ["First <script>alert(1)</script> & more.", "Second."],
        };
        var bodies = new Dictionary<string, ParsedArticle> { ["a1"] = body };

        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Rss(Channel, [item], Site, bodies))).Root!.Element("channel")!.Element("item")!;
        var entry = XDocument.Parse(System.Text.Encoding.UTF8.GetString(FeedWriter.Atom(Channel, [item], Site, bodies))).Root!.Element(atom + "entry")!;

        const string Expected = "<ul><li>Point</li></ul><p><strong>KARACHI:</strong> First &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p><p>Second.</p>";
        Assert.Equal(Expected, rss.Element(content + "encoded")!.Value);
        Assert.Equal(Expected, entry.Element(atom + "content")!.Value);
        Assert.Equal("html", entry.Element(atom + "content")!.Attribute("type")!.Value);
    }
}
