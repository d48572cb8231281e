using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Text;

/// <summary>A hash of what a reader sees of an article, blind to white-space-only edits.</summary>
public static class ContentHash
{
    public static string Of(ParsedArticle article)
    {
        var builder = new StringBuilder(4096);
        void Add(string? value) => CollapsedText.Append(builder, value).Append('\u001f');

        Add(article.Headline);
        Add(article.Caption);
        Add(article.ImageCredit);
        Add(article.ImageUrl);
        Add(article.OriginalShortUrl);
        Add(article.UpdatedIsApproximate ? "~" : article.UpdatedText);
        Add(article.Byline);
        Add(article.Edition);
        Add(article.Dateline);
        Add(article.Section);
        Add(article.Draft ? "draft" : null);
        if (article.Featured)
        {
            Add("featured");
        }

        Add(article.PublishAt?.ToString("O"));
        Add(string.Join('\u001e', article.Tags));
        Add(string.Join('\u001e', article.Summary));
        if (article.Gallery.Count > 0)
        {
            // Only when there is one, so the hash of every article stored before galleries were read stays the same.
            Add(string.Join('\u001e', article.Gallery.Select(p => $"{p.Caption}\u001d{p.Credit}")));
        }

        if (article.ImageAlt is not null)
        {
            Add(article.ImageAlt);
        }

        if (article.Pictures.Count > 0)
        {
            // Likewise: a changed picture has a new key, so the page is rendered again with the new files.
            Add(string.Join('\u001e', article.Pictures.Select(p => p.Key)));
        }

        foreach (var paragraph in article.Paragraphs)
        {
            Add(paragraph);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
