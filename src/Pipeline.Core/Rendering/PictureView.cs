namespace Pipeline.Core.Rendering;

/// <summary>
/// One picture as a page shows it: its renditions as <c>srcset</c> lists, the size it takes (so nothing moves when it
/// loads), and its words. Strings raw; the template encodes.
/// </summary>
/// <param name="Lazy">Below the fold: the browser fetches it when it comes near.</param>
/// <param name="Position">Its place in the gallery (<c>2 of 4</c>), or null for the lead.</param>
public sealed record PictureView(
    string Src, string WebpSrcset, string JpegSrcset, string Sizes, int Width, int Height, string Alt, string? Caption, string? Credit, bool Lazy, string? Position);
