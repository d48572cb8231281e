using System.Globalization;

namespace Pipeline.Core.Pictures;

/// <summary>
/// How pictures find their article by name: <c>folder/story.jpg</c> is the lead picture of <c>folder/story.txt</c>
/// (or <c>.md</c>, <c>.json</c>, <c>.docx</c>), and <c>story-1.jpg</c>, <c>story-2.jpg</c>… follow it as a gallery in
/// number order. A numbered name that is itself an article's name (<c>story-2.txt</c> exists) belongs to that article.
/// </summary>
public static class PictureFiles
{
    public static IReadOnlyList<string> PictureExtensions { get; } = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".avif", ".heic", ".heif"];

    public static IReadOnlyList<string> ArticleExtensions { get; } = [".txt", ".text", ".md", ".markdown", ".json", ".docx"];

    /// <summary>The most pictures one article takes; more are left out with a warning.</summary>
    public const int MaxPerArticle = 24;

    public static bool IsPicture(string name) => PictureExtensions.Contains(Path.GetExtension(name).ToLowerInvariant());

    public static bool IsArticle(string name) => ArticleExtensions.Contains(Path.GetExtension(name).ToLowerInvariant());

    /// <summary>The name without its extension: <c>pakistan/story</c>.</summary>
    public static string BaseOf(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length == 0 ? name : name[..^extension.Length];
    }

    /// <summary>
    /// The prefix every upload that could go with <paramref name="name"/> starts with: <c>pakistan/story</c> for
    /// <c>pakistan/story.txt</c>, <c>story.jpg</c> and <c>story-2.jpg</c>. One listing of it finds them all.
    /// </summary>
    public static string StemOf(string name)
    {
        var baseName = BaseOf(name);
        return Numbered(baseName) is var (owner, _) ? owner : baseName;
    }

    /// <summary>
    /// The upload a file's own picture reference names: relative to the file's folder, or to the container when it
    /// starts with <c>/</c> (<c>photo.jpg</c> beside <c>pakistan/story.md</c> is <c>pakistan/photo.jpg</c>).
    /// </summary>
    public static string Resolve(string articleUpload, string given)
    {
        var name = given.Trim().Replace('\\', '/');
        if (name.StartsWith('/'))
        {
            return name.TrimStart('/');
        }

        var slash = articleUpload.LastIndexOf('/');
        return slash < 0 ? name : articleUpload[..(slash + 1)] + name;
    }

    /// <summary>The article upload a picture belongs to among <paramref name="names"/>, or null when none is there yet.</summary>
    public static string? ArticleFor(string picture, IEnumerable<string> names)
    {
        var articles = names.Where(IsArticle).Order(StringComparer.Ordinal).ToList();
        var pictureBase = BaseOf(picture);
        if (articles.Find(a => BaseOf(a) == pictureBase) is { } same)
        {
            return same;
        }

        return Numbered(pictureBase) is var (owner, _) ? articles.Find(a => BaseOf(a) == owner) : null;
    }

    /// <summary>The pictures of an article upload in page order: the lead (same base name), then the numbered ones.</summary>
    public static IReadOnlyList<string> PicturesFor(string article, IEnumerable<string> names)
    {
        var all = names.ToList();
        var articleBase = BaseOf(article);
        var otherArticles = all.Where(IsArticle).Select(BaseOf).ToHashSet(StringComparer.Ordinal);
        var lead = all.Where(n => IsPicture(n) && BaseOf(n) == articleBase).Order(StringComparer.Ordinal).Take(1);
        var gallery = all
            .Where(IsPicture)
            .Select(n => (Name: n, Number: Numbered(BaseOf(n))))
            .Where(p => p.Number is var (owner, _) && owner == articleBase && !otherArticles.Contains(BaseOf(p.Name)))
            .OrderBy(p => p.Number!.Value.Number)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name);
        return [.. lead.Concat(gallery)];
    }

    /// <summary><c>story-12</c> → (<c>story</c>, 12); null when the name does not end in a dash and a number.</summary>
    private static (string Owner, int Number)? Numbered(string baseName)
    {
        var dash = baseName.LastIndexOf('-');
        if (dash <= 0 || dash == baseName.Length - 1 || baseName[dash - 1] == '/')
        {
            return null;
        }

        var digits = baseName[(dash + 1)..];
        return digits.Length <= 3 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (baseName[..dash], number)
            : null;
    }
}
