namespace Pipeline.Core.Articles;

/// <summary>
/// One picture of an article, rendered: its content key (the folder of its renditions under <c>images/</c>), its size
/// as shown (orientation applied) and the widths rendered. Its caption is the article's: <see cref="ParsedArticle.Caption"/>
/// for the first, <see cref="ParsedArticle.Gallery"/> in order for the others, so a caption corrected at the desk is
/// the one shown.
/// </summary>
/// <param name="Source">The upload it was made from, e.g. <c>pakistan/story-2.jpg</c>.</param>
public sealed record ArticlePicture(string Key, int Width, int Height, IReadOnlyList<int> Widths, string Source)
{
    /// <summary>The height of the picture shown <paramref name="width"/> pixels wide (at least 1), for width/height attributes.</summary>
    public int HeightAt(int width) => Math.Max(1, (int)Math.Round((double)Height * width / Width));

    /// <summary>The picture in one short table value, <c>{key} {width} {height} {w1},{w2}…</c>, for records and listing rows.</summary>
    public string Compact() => $"{Key} {Width} {Height} {string.Join(',', Widths)}";

    /// <summary>A picture from <see cref="Compact"/> (its source is not kept there); null for null or anything else.</summary>
    public static ArticlePicture? FromCompact(string? value)
    {
        var parts = value?.Split(' ');
        if (parts is not { Length: 4 } || !int.TryParse(parts[1], out var width) || !int.TryParse(parts[2], out var height) || width <= 0 || height <= 0)
        {
            return null;
        }

        var widths = parts[3].Split(',').Select(w => int.TryParse(w, out var n) ? n : 0).ToList();
        return widths.Count == 0 || widths.Any(w => w <= 0) ? null : new ArticlePicture(parts[0], width, height, widths, string.Empty);
    }
}
