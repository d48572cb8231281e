using System.Security.Cryptography;
using System.Text;
using NetVips;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using VipsImage = NetVips.Image;

namespace Pipeline.Core.Pictures;

/// <summary>
/// Turns one uploaded picture into the files a page shows: WebP and JPEG at <see cref="StandardWidths"/> (never wider
/// than the original) and a 1200×630 card for social previews, orientation applied, colour converted to sRGB, every
/// metadata block (EXIF with GPS, XMP, IPTC, ICC) dropped. libvips decodes with shrink-on-load and streams, so a 24 MP
/// JPEG costs a few megabytes; what it refuses (not a picture, truncated, too many pixels) comes back as a reason for
/// the editor, never as an exception.
/// </summary>
public sealed class PictureRenderer
{
    /// <summary>Widths of the renditions, narrowest first; a page's <c>srcset</c> lists those rendered.</summary>
    public static IReadOnlyList<int> StandardWidths { get; } = [480, 960, 1600];

    public const int CardWidth = 1200;
    public const int CardHeight = 630;

    /// <summary>Pictures bigger than this are refused before they are read into memory.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    /// <summary>
    /// More pixels than this (a 12 000 × 10 000 scan) is refused from the header alone: a decompression bomb declares
    /// billions in a few kilobytes. A 200 MP phone photo is refused too; the editor exports it smaller.
    /// </summary>
    public const long MaxPixels = 120_000_000;

    /// <summary>The editor's reason for a picture of <paramref name="length"/> bytes over <see cref="MaxBytes"/> (null when it is within).</summary>
    public static string? TooLarge(long? length) =>
        length > MaxBytes ? $"the picture is {Parsing.ArticleFileParser.Megabytes(length.Value)}; the limit is {MaxBytes / (1024 * 1024)} MB" : null;

    /// <summary>Bump when renditions change (sizes, quality), so a page never mixes old files under a new name.</summary>
    private const string RenditionVersion = "renditions-1";

    private const int WebpQuality = 78;
    private const int JpegQuality = 82;

    // The loaders a newsroom's pictures need; libvips knows many more (SVG, PDF, FITS…) that an upload must not reach.
    private static readonly string[] AllowedLoaders = ["Jpeg", "Png", "Webp", "Gif", "Tiff", "Heif"];

    // One picture at a time per process: libvips already spreads one picture over every core, and two 24 MP decodes at
    // once would double the memory for no gain in throughput.
    private readonly SemaphoreSlim _gate = new(1, 1);

    static PictureRenderer()
    {
        NetVips.NetVips.BlockUntrusted = true;
        Cache.Max = 0;
        Cache.MaxFiles = 0;
    }

    /// <summary>The folder name of a picture's renditions: a hash of its bytes, so a changed picture gets new names.</summary>
    public static string KeyOf(ReadOnlySpan<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        hash.AppendData(Encoding.ASCII.GetBytes(RenditionVersion));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }

    /// <summary>
    /// The rendition widths for a picture <paramref name="width"/> pixels wide: the standard ones it covers, then its
    /// own width when that is well past the last of them (an 800-pixel portrait keeps 800, not just 480). Never wider.
    /// </summary>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var widths = StandardWidths.Where(w => w <= width).ToList();
        if (widths.Count == 0 || (width < StandardWidths[^1] && width * 4 >= widths[^1] * 5))
        {
            widths.Add(width);
        }

        return widths;
    }

    public static string WebpPath(string key, int width) => $"{Folder(key)}{width}.webp";

    public static string JpegPath(string key, int width) => $"{Folder(key)}{width}.jpg";

    /// <summary>Written last, so its presence says every rendition of the picture is there.</summary>
    public static string CardPath(string key) => $"{Folder(key)}card.jpg";

    public static string Folder(string key) => $"images/{key}/";

    /// <summary>What the picture's header says, or why it cannot be used; reads no pixels.</summary>
    public static PictureHeader Inspect(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return PictureHeader.Refused("the file is empty");
        }

        if (TooLarge(bytes.Length) is { } tooLarge)
        {
            return PictureHeader.Refused(tooLarge);
        }

        string? loader;
        try
        {
            loader = VipsImage.FindLoadBuffer(bytes);
        }
        catch (VipsException)
        {
            loader = null;
        }

        if (loader is null || !AllowedLoaders.Any(l => loader.Contains(l, StringComparison.OrdinalIgnoreCase)))
        {
            return PictureHeader.Refused("the file is not a picture this site can show (JPEG, PNG, WebP, GIF, TIFF or HEIC)");
        }

        try
        {
            using var image = VipsImage.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            var pages = image.Contains("n-pages") ? Convert.ToInt32(image.Get("n-pages"), System.Globalization.CultureInfo.InvariantCulture) : 1;
            var height = pages > 1 && image.PageHeight > 0 ? image.PageHeight : image.Height;
            if ((long)image.Width * height > MaxPixels)
            {
                return PictureHeader.Refused($"the picture is {image.Width} × {height} pixels; the limit is {MaxPixels / 1_000_000} megapixels");
            }

            var orientation = image.Contains("orientation") ? Convert.ToInt32(image.Get("orientation"), System.Globalization.CultureInfo.InvariantCulture) : 1;
            var turned = orientation is >= 5 and <= 8;
            return new PictureHeader(turned ? height : image.Width, turned ? image.Width : height, pages, null);
        }
        catch (VipsException ex)
        {
            return PictureHeader.Refused(Unreadable(ex));
        }
    }

    /// <summary>Renders every file of the picture; a picture that cannot be used gives its reason instead.</summary>
    /// <param name="header">What <see cref="Inspect"/> said of these bytes, when the caller has asked already.</param>
    public async Task<PictureRendering> RenderAsync(byte[] bytes, CancellationToken cancellationToken, PictureHeader? header = null)
    {
        header ??= Inspect(bytes);
        if (header.Problem is { } problem)
        {
            return PictureRendering.Refused(problem);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Render(bytes, header);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What the page needs to know of a picture whose renditions exist already (same bytes, same key).</summary>
    public static ArticlePicture Describe(string key, PictureHeader header, string source) => new(key, header.Width, header.Height, WidthsFor(header.Width), source);

    /// <summary>What an editor should know of a picture that is shown.</summary>
    public static IReadOnlyList<string> WarningsFor(PictureHeader header) =>
        header.Pages > 1 ? [$"the picture is animated ({header.Pages} frames); its first frame is shown"] : [];

    private static PictureRendering Render(byte[] bytes, PictureHeader header)
    {
        var key = KeyOf(bytes);
        var widths = WidthsFor(header.Width);
        try
        {
            // One decode of the original, at the widest rendition (shrink-on-load does most of the work for JPEG),
            // held in memory; every other file is made from it. Truncated data fails here rather than showing grey.
            // (The loader's fail_on goes in the option string: thumbnail's own failOn does not reach the JPEG loader.)
            using var widest = VipsImage.ThumbnailBuffer(bytes, widths[^1], optionString: "[fail_on=truncated]", height: 100_000, size: Enums.Size.Down);
            using var srgb = Normalised(widest);
            using var master = srgb.CopyMemory();
            var files = new List<SiteFile>(widths.Count * 2 + 1);
            foreach (var width in widths)
            {
                using var sized = width == master.Width ? master.Copy() : master.ThumbnailImage(width, height: 100_000, size: Enums.Size.Down);
                files.Add(File(WebpPath(key, width), sized.WebpsaveBuffer(q: WebpQuality, keep: Enums.ForeignKeep.None), "image/webp"));
                using var opaque = Opaque(sized);
                files.Add(File(JpegPath(key, width), opaque.JpegsaveBuffer(q: JpegQuality, interlace: true, keep: Enums.ForeignKeep.None), "image/jpeg"));
            }

            using var card = master.ThumbnailImage(CardWidth, height: CardHeight, size: Enums.Size.Both, crop: Enums.Interesting.Attention);
            using var opaqueCard = Opaque(card);
            files.Add(File(CardPath(key), opaqueCard.JpegsaveBuffer(q: JpegQuality, interlace: true, keep: Enums.ForeignKeep.None), "image/jpeg"));
            return new PictureRendering(files, WarningsFor(header), null);
        }
        catch (VipsException ex)
        {
            return PictureRendering.Refused(Unreadable(ex));
        }
    }

    private static string Unreadable(VipsException ex) =>
        ex.Message.Contains("premature end", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("truncated", StringComparison.OrdinalIgnoreCase)
            ? "the picture could not be read: the file is cut short; export it again and upload it once more"
            : $"the picture could not be read: {FirstLine(ex.Message)}";

    /// <summary>8-bit sRGB whatever came in (CMYK, 16-bit, grey, Lab): what every browser shows the same.</summary>
    private static VipsImage Normalised(VipsImage image)
    {
        var srgb = image.Interpretation == Enums.Interpretation.Srgb ? image.Copy() : image.Colourspace(Enums.Interpretation.Srgb);
        if (srgb.Format == Enums.BandFormat.Uchar)
        {
            return srgb;
        }

        using (srgb)
        {
            return srgb.Cast(Enums.BandFormat.Uchar);
        }
    }

    /// <summary>JPEG has no transparency: transparent parts become white, as on the page's own background.</summary>
    private static VipsImage Opaque(VipsImage image) => image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();

    private static SiteFile File(string path, byte[] content, string contentType) => new(path, content, contentType, SiteFile.AssetCache);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.StartsWith("unable to", StringComparison.Ordinal)) ?? "unknown error";
        return line.Length > 200 ? line[..200] : line;
    }
}

/// <summary>A picture's size as shown (orientation applied) and frame count; or why it is refused.</summary>
public sealed record PictureHeader(int Width, int Height, int Pages, string? Problem)
{
    public static PictureHeader Refused(string problem) => new(0, 0, 0, problem);
}

/// <summary>The files of one picture and what the editor should know, or the reason it cannot be used.</summary>
public sealed record PictureRendering(IReadOnlyList<SiteFile> Files, IReadOnlyList<string> Warnings, string? Problem)
{
    public static PictureRendering Refused(string problem) => new([], [], problem);
}
