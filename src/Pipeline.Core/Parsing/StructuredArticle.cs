using Pipeline.Core.Articles;
using Pipeline.Core.Text;

namespace Pipeline.Core.Parsing;

/// <summary>Builds an article from named fields and body paragraphs: the step Markdown, JSON and Word share.</summary>
internal static class StructuredArticle
{
    /// <summary>The article, or null with the reason when it has no headline or no text.</summary>
    public static ParsedArticle? Build(ArticleFields fields, List<string> paragraphs, ParseContext context, out string? problem)
    {
        var headline = fields.Get("title", "headline");
        problem = headline is null ? "it has no title" : paragraphs.Count == 0 && fields.List("summary").Count == 0 ? "it has no body text" : null;
        if (headline is null || problem is not null)
        {
            return null;
        }

        var warnings = new List<string>();
        var dateline = fields.Get("dateline");
        if (dateline is null)
        {
            dateline = ArticleText.TakeDateline(paragraphs, warnings);
        }
        else
        {
            ArticleText.DropRepeatedDateline(paragraphs, dateline);
        }

        ArticleText.WarnIfNoBody(paragraphs, warnings);

        var updatedText = fields.Get("updated");
        var (updated, approximate) = updatedText is null ? (null, false) : Date(updatedText, context, "updated", warnings, relative: true);
        var (published, _) = fields.Get("published", "date") is { } publishedText ? Date(publishedText, context, "published", warnings, relative: false) : (null, false);
        var (publishAt, _) = fields.Get("publishAt", "publish_at") is { } publishAtText ? Date(publishAtText, context, "publishAt", warnings, relative: false) : (null, false);

        var caption = fields.Get("caption");
        var credit = fields.Get("credit", "imageCredit");
        if (caption is not null && credit is null)
        {
            (caption, credit) = CaptionCredit.Split(caption);
        }

        // A picture's file name (no scheme, a picture's extension) names an upload (see ParsedArticle.PictureNames);
        // anything else is an address, shown only if the page finds it safe, as before.
        var image = fields.Get("image");
        var imageIsUpload = image is not null && Pictures.PictureFiles.IsPicture(image) && !HasScheme(image);
        List<string> pictureNames = [.. imageIsUpload ? new[] { image! } : [], .. fields.List("images", commas: true).Where(Pictures.PictureFiles.IsPicture)];

        var slug = fields.Get("slug") is { } wanted ? Slug.From(wanted) : null;
        var section = fields.Get("section") is { } named ? Slug.From(named) : null;
        return new ParsedArticle
        {
            Headline = headline,
            Id = fields.Get("id"),
            Slug = string.IsNullOrEmpty(slug) ? null : slug,
            Section = string.IsNullOrEmpty(section) ? null : section,
            Tags = fields.List("tags", commas: true),
            Summary = fields.List("summary"),
            ImageUrl = imageIsUpload ? null : image,
            PictureNames = pictureNames,
            ImageAlt = fields.Get("alt", "imageAlt", "image_alt"),
            Caption = caption,
            ImageCredit = credit,
            Byline = fields.Get("author", "byline"),
            Edition = fields.Get("edition"),
            OriginalShortUrl = fields.Get("shortUrl", "short_url"),
            Dateline = dateline,
            Published = published,
            UpdatedText = updatedText,
            Updated = updated,
            UpdatedIsApproximate = approximate,
            Draft = IsTrue(fields.Get("draft")),
            Featured = IsTrue(fields.Get("featured")),
            PublishAt = publishAt,
            Paragraphs = paragraphs,
            Warnings = warnings,
        };
    }

    private static (DateTimeOffset? Value, bool Approximate) Date(string text, ParseContext context, string field, List<string> warnings, bool relative)
    {
        if (UpdatedTime.TryDate(text, out var exact))
        {
            return (exact, false);
        }

        if (relative)
        {
            return ArticleText.ResolveUpdated(text, context.UploadedAt, warnings);
        }

        warnings.Add($"{field} \"{text}\" is not a date; write it like 2025-03-03 or 2025-03-03T14:30:00Z");
        return (null, false);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || value.Equals("on", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary><c>https:</c>, <c>data:</c>, <c>javascript:</c>…: a scheme before any slash (a path like <c>/a/b.jpg</c> has none).</summary>
    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && char.IsAsciiLetter(value[0]) && value[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }
}
