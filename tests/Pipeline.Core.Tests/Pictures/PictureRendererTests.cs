using System.Text;
using NetVips;
using Pipeline.Core.Pictures;
using Pipeline.Core.Publishing;

namespace Pipeline.Core.Tests.Pictures;

public sealed class PictureRendererTests
{
    private readonly PictureRenderer _renderer = new();

    [Theory]
    [InlineData(4000, new[] { 480, 960, 1600 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    [InlineData(1000, new[] { 480, 960 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(800, new[] { 480, 800 })]
    [InlineData(300, new[] { 300 })]
    public void Widths_are_the_standard_ones_the_picture_covers_and_never_wider(int width, int[] expected) =>
        Assert.Equal(expected, PictureRenderer.WidthsFor(width));

    [Fact]
    public async Task A_photo_becomes_webp_and_jpeg_at_each_width_and_a_social_card()
    {
        var rendering = await _renderer.RenderAsync(TestPictures.Jpeg(2400, 1600), CancellationToken.None);

        Assert.Null(rendering.Problem);
        var key = PictureRenderer.KeyOf(TestPictures.Jpeg(2400, 1600));
        Assert.Equal(
            [$"images/{key}/480.webp", $"images/{key}/480.jpg", $"images/{key}/960.webp", $"images/{key}/960.jpg", $"images/{key}/1600.webp", $"images/{key}/1600.jpg", $"images/{key}/card.jpg"],
            rendering.Files.Select(f => f.Path));
        Assert.All(rendering.Files, f => Assert.Equal(SiteFile.AssetCache, f.CacheControl));
        using var widest = TestPictures.Read(rendering.Files.Single(f => f.Path.EndsWith("1600.webp", StringComparison.Ordinal)).Content);
        Assert.Equal((1600, 1067), (widest.Width, widest.Height));
        using var card = TestPictures.Read(rendering.Files[^1].Content);
        Assert.Equal((1200, 630), (card.Width, card.Height));
        Assert.Equal("image/webp", rendering.Files[0].ContentType);
        Assert.Equal("image/jpeg", rendering.Files[1].ContentType);
    }

    [Fact]
    public async Task Camera_orientation_is_applied_and_every_metadata_block_is_dropped()
    {
        var bytes = TestPictures.Jpeg(3000, 2000, orientation: 6, description: "Taken at the safe house");

        var header = PictureRenderer.Inspect(bytes);
        var rendering = await _renderer.RenderAsync(bytes, CancellationToken.None);

        Assert.Equal((2000, 3000), (header.Width, header.Height));
        foreach (var file in rendering.Files)
        {
            using var image = TestPictures.Read(file.Content);
            Assert.False(image.Contains("exif-data"), $"{file.Path} keeps EXIF");
            Assert.False(image.Contains("xmp-data"), $"{file.Path} keeps XMP");
            Assert.False(image.Contains("orientation") && (int)image.Get("orientation") != 1, $"{file.Path} still needs turning");
            Assert.DoesNotContain("safe house", Encoding.Latin1.GetString(file.Content.Span), StringComparison.Ordinal);
        }

        using var tall = TestPictures.Read(rendering.Files.Single(f => f.Path.EndsWith("1600.jpg", StringComparison.Ordinal)).Content);
        Assert.Equal((1600, 2400), (tall.Width, tall.Height));
    }

    [Fact]
    public async Task Cmyk_and_16_bit_pictures_come_out_as_8_bit_srgb()
    {
        foreach (var bytes in new[] { TestPictures.CmykJpeg(1200, 800), TestPictures.Png16(1200, 800) })
        {
            var rendering = await _renderer.RenderAsync(bytes, CancellationToken.None);

            Assert.Null(rendering.Problem);
            foreach (var file in rendering.Files)
            {
                using var image = TestPictures.Read(file.Content);
                Assert.Equal(3, image.Bands);
                Assert.Equal(Enums.BandFormat.Uchar, image.Format);
                Assert.Equal(Enums.Interpretation.Srgb, image.Interpretation);
            }
        }
    }

    [Fact]
    public async Task A_transparent_png_keeps_its_transparency_in_webp_and_turns_white_in_jpeg()
    {
        var rendering = await _renderer.RenderAsync(TestPictures.TransparentPng(800, 600), CancellationToken.None);

        using var webp = TestPictures.Read(rendering.Files.Single(f => f.Path.EndsWith("480.webp", StringComparison.Ordinal)).Content);
        using var jpeg = TestPictures.Read(rendering.Files.Single(f => f.Path.EndsWith("480.jpg", StringComparison.Ordinal)).Content);
        Assert.True(webp.HasAlpha());
        Assert.False(jpeg.HasAlpha());
    }

    [Fact]
    public async Task An_animated_gif_shows_its_first_frame_with_a_warning()
    {
        var rendering = await _renderer.RenderAsync(TestPictures.AnimatedGif(640, 480, frames: 3), CancellationToken.None);

        Assert.Null(rendering.Problem);
        Assert.Contains(rendering.Warnings, w => w.Contains("animated (3 frames)", StringComparison.Ordinal));
        using var first = TestPictures.Read(rendering.Files.Single(f => f.Path.EndsWith("480.jpg", StringComparison.Ordinal)).Content);
        Assert.Equal((480, 360), (first.Width, first.Height));
    }

    [Fact]
    public async Task A_small_picture_is_never_enlarged()
    {
        var rendering = await _renderer.RenderAsync(TestPictures.Jpeg(320, 240), CancellationToken.None);

        using var only = TestPictures.Read(rendering.Files.Single(f => f.Path.EndsWith("320.jpg", StringComparison.Ordinal)).Content);
        Assert.Equal((320, 240), (only.Width, only.Height));
        Assert.Equal(3, rendering.Files.Count);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header()
    {
        var bomb = TestPictures.PngClaiming(60_000, 60_000);

        var rendering = await _renderer.RenderAsync(bomb, CancellationToken.None);

        Assert.True(bomb.Length < 1024);
        Assert.Empty(rendering.Files);
        Assert.Equal("the picture is 60000 × 60000 pixels; the limit is 120 megapixels", rendering.Problem);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused_rather_than_shown_half_grey()
    {
        var whole = TestPictures.Jpeg(2000, 1500);

        var rendering = await _renderer.RenderAsync(whole[..(whole.Length / 2)], CancellationToken.None);

        Assert.Empty(rendering.Files);
        Assert.Equal("the picture could not be read: the file is cut short; export it again and upload it once more", rendering.Problem);
    }

    [Theory]
    [InlineData("not a picture at all, just words")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>")]
    public async Task Text_and_svg_are_not_pictures_the_site_shows(string content)
    {
        var rendering = await _renderer.RenderAsync(Encoding.UTF8.GetBytes(content), CancellationToken.None);

        Assert.Equal("the file is not a picture this site can show (JPEG, PNG, WebP, GIF, TIFF or HEIC)", rendering.Problem);
    }

    [Fact]
    public async Task A_30_megabyte_file_is_refused_before_it_is_decoded()
    {
        var rendering = await _renderer.RenderAsync(new byte[30 * 1024 * 1024], CancellationToken.None);

        Assert.Equal("the picture is 30 MB; the limit is 25 MB", rendering.Problem);
    }

    [Fact]
    public void A_changed_picture_gets_a_new_key()
    {
        Assert.Equal(PictureRenderer.KeyOf(TestPictures.Jpeg(500, 400)), PictureRenderer.KeyOf(TestPictures.Jpeg(500, 400)));
        Assert.NotEqual(PictureRenderer.KeyOf(TestPictures.Jpeg(500, 400)), PictureRenderer.KeyOf(TestPictures.Jpeg(500, 401)));
    }
}
