using System.Net;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline links</c> against the local host.</summary>
[Collection(CliHostCollection.Name)]
public sealed class LinksCommandTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Links_CreateShowListDelete_FollowTheLinksLife()
    {
        var code = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var create = await fixture.RunAsync("links", "create", "https://example.com/offer?x=1", "--code", code, "--expires", "30d");
        var redirect = await fixture.Http.GetAsync(new Uri(fixture.Host.ApiBase, code));
        var show = await fixture.RunAsync("links", "show", code);
        var list = await fixture.RunAsync("links", "list", "--top", "100", "--json");
        var delete = await fixture.RunAsync("links", "delete", code);
        var gone = await fixture.Http.GetAsync(new Uri(fixture.Host.ApiBase, code));

        var shortUrl = new Uri(fixture.Host.ApiBase, code).ToString();
        Assert.True(create.ExitCode == ExitCodes.Ok, create.ToString());
        Assert.Contains($"{shortUrl} → https://example.com/offer?x=1", create.Output);
        Assert.Contains("expires", create.Output);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.True(show.ExitCode == ExitCodes.Ok, show.ToString());
        Assert.Contains("people", show.Output);
        Assert.Equal(shortUrl, DecodeQrCode(show.Output));
        Assert.Contains(list.Json.GetProperty("links").EnumerateArray(), l => l.GetProperty("code").GetString() == code);
        Assert.True(delete.ExitCode == ExitCodes.Ok, delete.ToString());
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task LinksShow_UnknownCode_SaysNotFoundAndExitsFailed()
    {
        var human = await fixture.RunAsync("links", "show", "nosuchcode42");
        var json = await fixture.RunAsync("links", "show", "nosuchcode42", "--json");

        Assert.Equal(ExitCodes.Failed, human.ExitCode);
        Assert.Contains("error:", human.Output);
        Assert.Equal(ExitCodes.Failed, json.ExitCode);
        Assert.Equal("not_found", json.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task LinksCreate_JavascriptUrl_RefusedWithTheApiReason()
    {
        var run = await fixture.RunAsync("links", "create", "javascript:alert(1)", "--json");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal("invalid_url", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    /// <summary>Reads the half-block QR code back from the terminal text, as a phone camera would read the screen.</summary>
    internal static string DecodeQrCode(string output)
    {
        // The code is the last block of lines drawn with half blocks (a click chart above it uses blocks too).
        var lines = output.Split('\n').Reverse().SkipWhile(l => !IsBlocks(l)).TakeWhile(IsBlocks).Reverse().ToList();
        var width = lines.Max(l => l.Length);
        const int scale = 4;
        const int margin = 4;
        var pixelsWide = (width + 2 * margin) * scale;
        var pixelsHigh = ((lines.Count * 2) + 2 * margin) * scale;
        var grey = Enumerable.Repeat((byte)255, pixelsWide * pixelsHigh).ToArray();
        for (var row = 0; row < lines.Count; row++)
        {
            for (var column = 0; column < lines[row].Length; column++)
            {
                var c = lines[row][column];
                Paint(grey, pixelsWide, column + margin, (row * 2) + margin, c is '█' or '▀', scale);
                Paint(grey, pixelsWide, column + margin, (row * 2) + 1 + margin, c is '█' or '▄', scale);
            }
        }

        var source = new RGBLuminanceSource(grey, pixelsWide, pixelsHigh, RGBLuminanceSource.BitmapFormat.Gray8);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        return decoded?.Text ?? throw new InvalidOperationException("no QR code in the output:\n" + string.Join('\n', lines));
    }

    private static bool IsBlocks(string line) => line.Any(c => c is '█' or '▀' or '▄');

    private static void Paint(byte[] grey, int stride, int x, int y, bool dark, int scale)
    {
        for (var dy = 0; dy < scale; dy++)
        {
            for (var dx = 0; dx < scale; dx++)
            {
                grey[((y * scale) + dy) * stride + (x * scale) + dx] = dark ? (byte)0 : (byte)255;
            }
        }
    }
}
