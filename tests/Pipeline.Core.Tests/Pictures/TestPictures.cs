using NetVips;

namespace Pipeline.Core.Tests.Pictures;

/// <summary>Pictures made in code for the tests: a gradient photo stand-in, in the shapes cameras and editors produce.</summary>
internal static class TestPictures
{
    /// <summary>A colour gradient <paramref name="width"/> × <paramref name="height"/>, with an optional EXIF orientation and description.</summary>
    public static byte[] Jpeg(int width, int height, int? orientation = null, string? description = null)
    {
        using var image = Gradient(width, height);
        using var tagged = image.Mutate(m =>
        {
            if (orientation is { } o)
            {
                m.Set(GValue.GIntType, "orientation", o);
            }

            if (description is not null)
            {
                m.Set(GValue.GStrType, "exif-ifd0-ImageDescription", description);
            }
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    /// <summary>A camera-like JPEG: a gradient under sensor-like noise, so it compresses as a photo does (not as a flat test card).</summary>
    public static byte[] Photo(int width, int height, int seed)
    {
        using var xyz = Image.Xyz(width, height);
        using var gradient = xyz[0] * (200.0 / width) + xyz[1] * (55.0 / height) + seed % 40;
        using var noise = Image.Gaussnoise(width, height, sigma: 24, mean: 0, seed: seed);
        using var r = gradient + noise;
        using var g = (gradient * 0.8) + noise;
        using var b = (255 - gradient) + noise;
        using var rgb = r.Bandjoin(g, b).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.JpegsaveBuffer(q: 90);
    }

    public static byte[] CmykJpeg(int width, int height)
    {
        using var image = Gradient(width, height);
        using var cmyk = image.Colourspace(Enums.Interpretation.Cmyk);
        return cmyk.JpegsaveBuffer(q: 90);
    }

    public static byte[] Png16(int width, int height)
    {
        using var image = Gradient(width, height);
        using var deep = image.Colourspace(Enums.Interpretation.Rgb16);
        return deep.PngsaveBuffer(bitdepth: 16);
    }

    public static byte[] TransparentPng(int width, int height)
    {
        using var image = Gradient(width, height);
        using var alpha = (Image.Black(width, height) + 128).Cast(Enums.BandFormat.Uchar);
        using var joined = image.Bandjoin(alpha);
        return joined.PngsaveBuffer();
    }

    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var pages = Enumerable.Range(0, frames).Select(i => (Gradient(width, height) + i * 20).Cast(Enums.BandFormat.Uchar)).ToArray();
        using var strip = Image.Arrayjoin(pages, across: 1);
        using var animated = strip.Mutate(m => m.Set(GValue.GIntType, "page-height", height));
        foreach (var page in pages)
        {
            page.Dispose();
        }

        return animated.GifsaveBuffer();
    }

    /// <summary>A valid 1 × 1 PNG whose header then claims <paramref name="width"/> × <paramref name="height"/>: a decompression bomb's shape.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var image = Image.Black(1, 1);
        var png = image.PngsaveBuffer();

        // IHDR is the first chunk: length (4), type (4) at 12, width and height big-endian at 16 and 20, CRC at 29.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    public static Image Read(ReadOnlyMemory<byte> bytes) => Image.NewFromBuffer(bytes.ToArray());

    private static Image Gradient(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0] * (255.0 / width);
        using var y = xyz[1] * (255.0 / height);
        using var mix = (x + y) * 0.5;
        using var bands = x.Bandjoin(y, mix);
        using var uchar = bands.Cast(Enums.BandFormat.Uchar);
        return uchar.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
