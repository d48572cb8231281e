using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pipeline.Core.Rendering;

/// <summary>
/// schema.org structured data for a page's <c>&lt;script type="application/ld+json"&gt;</c>. The encoder escapes
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> (and quotes) as <c>\uXXXX</c> in every string, so no field can close the
/// script element or open a comment, while Arabic and Urdu stay readable.
/// </summary>
public static class JsonLd
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Article(NewsArticleData a)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteStartObject("mainEntityOfPage");
            json.WriteString("@type", "WebPage");
            json.WriteString("@id", a.Url);
            json.WriteEndObject();
            json.WriteString("url", a.Url);
            json.WriteString("headline", a.Headline);
            if (a.Description is not null)
            {
                json.WriteString("description", a.Description);
            }

            json.WriteStartArray("image");
            foreach (var image in a.Images)
            {
                json.WriteStringValue(image);
            }

            json.WriteEndArray();
            json.WriteString("datePublished", a.DatePublished);
            json.WriteString("dateModified", a.DateModified);
            json.WriteStartArray("author");
            json.WriteStartObject();
            if (a.Author is null)
            {
                // No byline: the desk itself is the author, as the publisher.
                json.WriteString("@type", "Organization");
                json.WriteString("name", a.PublisherName);
                json.WriteString("url", a.PublisherUrl);
            }
            else
            {
                json.WriteString("@type", "Person");
                json.WriteString("name", a.Author);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", a.PublisherName);
            json.WriteString("url", a.PublisherUrl);
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", a.LogoUrl);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("articleSection", a.Section);
            if (a.Keywords.Count > 0)
            {
                json.WriteStartArray("keywords");
                foreach (var keyword in a.Keywords)
                {
                    json.WriteStringValue(keyword);
                }

                json.WriteEndArray();
            }

            json.WriteString("inLanguage", a.Language);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
