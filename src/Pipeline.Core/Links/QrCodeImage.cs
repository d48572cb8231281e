namespace Pipeline.Core.Links;

/// <summary>A QR code picture of a short URL.</summary>
public sealed record QrCodeImage(byte[] Content, string ContentType)
{
    public const string Svg = "svg";
    public const string Png = "png";

    /// <summary>True for the formats <see cref="ShortLinkQrCodes"/> draws.</summary>
    public static bool IsFormat(string format) => format is Svg or Png;
}
