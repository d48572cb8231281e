using System.Text;
using QRCoder;

namespace Pipeline.Core.Links;

/// <summary>Draws the QR code of a short URL, for print and for sharing.</summary>
public static class ShortLinkQrCodes
{
    private const int PixelsPerModule = 10;

    /// <summary>The QR code of <paramref name="shortUrl"/> as SVG (scales for print) or PNG; medium error correction survives a smudge.</summary>
    public static QrCodeImage Draw(Uri shortUrl, string format)
    {
        using var data = QRCodeGenerator.GenerateQrCode(shortUrl.ToString(), QRCodeGenerator.ECCLevel.M);
        return format == QrCodeImage.Png
            ? new QrCodeImage(new PngByteQRCode(data).GetGraphic(PixelsPerModule), "image/png")
            : new QrCodeImage(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(PixelsPerModule)), "image/svg+xml");
    }
}
