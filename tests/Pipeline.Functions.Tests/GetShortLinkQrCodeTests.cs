using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Functions.Functions;
using Pipeline.Testing;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class GetShortLinkQrCodeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetShortLinkQrCode_Png_DecodesBackToTheShortUrl()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var code = await new LinkApi(services).CodeOfNewAsync("""{"url":"https://example.com/scan-me","code":"Scan-Me"}""");

        var (status, headers, png) = await CallAsync(services, code, "?format=png");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("image/png", headers.ContentType.ToString());
        var (grey, width, height) = PngPixels.Read(png);
        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(decoded);
        Assert.Equal("http://127.0.0.1:7071/Scan-Me", decoded.Text);
    }

    [Fact]
    public async Task GetShortLinkQrCode_Default_IsSvg()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var code = await new LinkApi(services).CodeOfNewAsync("""{"url":"https://example.com/print"}""");

        var (status, headers, svg) = await CallAsync(services, code, "");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("image/svg+xml", headers.ContentType.ToString());
        var text = Encoding.UTF8.GetString(svg);
        Assert.Contains("<svg", text);
        Assert.Contains("</svg>", text);
    }

    [Theory]
    [InlineData("nosuch", "", StatusCodes.Status404NotFound)]
    [InlineData(null, "?format=gif", StatusCodes.Status400BadRequest)]
    public async Task GetShortLinkQrCode_UnknownCodeOrFormat_ReturnsJsonError(string? code, string query, int expected)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var existing = await new LinkApi(services).CodeOfNewAsync("""{"url":"https://example.com/qr"}""");
        var context = HttpResults.Request("GET", $"/api/links/{code ?? existing}/qr{query}");

        var result = await services.Create<GetShortLinkQrCode>().Run(context.Request, code ?? existing, CancellationToken.None);
        var (status, _, json) = await HttpResults.ExecuteAsync(result, context);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(json!.Value.GetProperty("code").GetString()));
    }

    private static async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> CallAsync(PipelineServices services, string code, string query)
    {
        var context = HttpResults.Request("GET", $"/api/links/{code}/qr{query}");
        var result = await services.Create<GetShortLinkQrCode>().Run(context.Request, code, CancellationToken.None);
        return await HttpResults.ExecuteRawAsync(result, context);
    }
}
