using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.DevHost.Azurite;

namespace Pipeline.Storage.Tests;

/// <summary>
/// The blob service's CORS rule for the desk, as the local host sets it on Azurite: a browser's preflight from the
/// desk's origin is answered, one from elsewhere is not, and the account's other rules stay as they were.
/// </summary>
/// <remarks>CORS rules belong to the whole account, so this test runs on an emulator of its own, on free ports.</remarks>
public sealed class DeskUploadCorsTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("tests must run inside the repository checkout");
        _azurite = await AzuriteProcess.EnsureRunningAsync(root, AzuriteEndpoints.FreePorts(), location: null, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private Task<HttpResponseMessage> PreflightAsync(BlobServiceClient service, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, service.Uri.ToString().TrimEnd('/') + "/articles/world/story.txt");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-ms-blob-type");
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task TheDesksOrigin_MayPutUploads_OthersMayNot_AndOtherRulesStay()
    {
        var service = new BlobServiceClient(_azurite.Endpoints.ConnectionString);
        var properties = (await service.GetPropertiesAsync()).Value;
        properties.Cors = [new BlobCorsRule { AllowedOrigins = "https://tools.example", AllowedMethods = "GET", AllowedHeaders = "", ExposedHeaders = "", MaxAgeInSeconds = 60 }];
        await service.SetPropertiesAsync(properties);
        using (var before = await PreflightAsync(service, "http://127.0.0.1:7071"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        Assert.True(await DeskUploadCors.EnsureAsync(service, ["http://127.0.0.1:7071", "http://localhost:7071"], CancellationToken.None));
        Assert.False(await DeskUploadCors.EnsureAsync(service, ["http://127.0.0.1:7071"], CancellationToken.None));
        Assert.True(await DeskUploadCors.EnsureAsync(service, ["http://127.0.0.1:7072"], CancellationToken.None));

        using (var desk = await PreflightAsync(service, "http://127.0.0.1:7071"))
        {
            Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
            Assert.Equal("http://127.0.0.1:7071", desk.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        using (var second = await PreflightAsync(service, "http://127.0.0.1:7072"))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using (var stranger = await PreflightAsync(service, "https://evil.example"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        }

        var rules = (await service.GetPropertiesAsync()).Value.Cors;
        Assert.Equal(2, rules.Count);
        Assert.Contains(rules, r => r.AllowedOrigins == "https://tools.example" && r.AllowedMethods == "GET");
    }
}
