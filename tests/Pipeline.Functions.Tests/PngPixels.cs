using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Reads a PNG into 8-bit grey pixels: ZXing.Net's core has no image loader, and decoding the PNG the API serves (rather
/// than a module matrix) is what proves a phone could scan it. Non-interlaced images of any colour type and depth.
/// </summary>
internal static class PngPixels
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static (byte[] Grey, int Width, int Height) Read(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG");
        }

        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colour = data[9];
                    if (data[12] != 0)
                    {
                        throw new NotSupportedException("interlaced PNG");
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            at += 12 + length;
        }

        var channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"colour type {colour}") };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        compressed.Position = 0;
        using var inflate = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var rows = Unfilter(raw.ToArray(), stride, height, bytesPerPixel);

        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                grey[y * width + x] = colour switch
                {
                    0 or 4 => Scale(Sample(rows, y * stride, x * channels, depth), depth),
                    3 => Luma(palette, Sample(rows, y * stride, x, depth) * 3),
                    _ => Luma(rows, y * stride + x * bytesPerPixel),
                };
            }
        }

        return (grey, width, height);
    }

    private static byte[] Unfilter(byte[] raw, int stride, int height, int bpp)
    {
        var rows = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? rows[y * stride + i - bpp] : 0;
                int b = y > 0 ? rows[(y - 1) * stride + i] : 0;
                int c = i >= bpp && y > 0 ? rows[(y - 1) * stride + i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                rows[y * stride + i] = (byte)(source[i] + predictor);
            }
        }

        return rows;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int Sample(byte[] rows, int rowStart, int index, int depth)
    {
        if (depth >= 8)
        {
            return rows[rowStart + index * (depth / 8)];
        }

        var bit = index * depth;
        return (rows[rowStart + bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
    }

    private static byte Scale(int value, int depth) => depth >= 8 ? (byte)value : (byte)(value * 255 / ((1 << depth) - 1));

    private static byte Luma(byte[] rgb, int at) => (byte)((rgb[at] * 299 + rgb[at + 1] * 587 + rgb[at + 2] * 114) / 1000);
}
