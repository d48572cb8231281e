using System.Net;
using System.Web;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Uploads;
using Pipeline.Storage.Blobs;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>
/// The desk's upload addresses: the one blob they name can be written with a plain HTTP PUT, as a browser does;
/// nothing else can be done with them: no read, no list, no other name, nothing after the expiry.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadGrantSignerTests(AzuriteFixture azurite)
{
    private static readonly HttpClient Http = new();

    private static Task<HttpResponseMessage> PutAsync(Uri url, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(text) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task TheAddressWritesItsOneBlob_AndNothingElse()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var clients = services.Get<StorageClients>();
        var signer = services.Get<IUploadGrantSigner>();
        var name = $"world/desk-{Guid.NewGuid():N}.txt";

        var url = await signer.SignAsync(name, DateTimeOffset.UtcNow.AddMinutes(15), CancellationToken.None);

        using (var written = await PutAsync(url, "Headline\n\nBody."))
        {
            Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        }

        Assert.Equal("Headline\n\nBody.", (await clients.Uploads.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString());

        // Written again (a corrected file under the same name): allowed.
        using (var again = await PutAsync(url, "Headline\n\nBody, corrected."))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        // Not readable, not listable, not deletable, and the signature does not fit another name.
        using (var read = await Http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        }

        using (var delete = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }

        var other = new UriBuilder(url) { Path = url.AbsolutePath.Replace(".txt", "-other.txt", StringComparison.Ordinal) }.Uri;
        using (var elsewhere = await PutAsync(other, "not mine"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        }

        var list = new UriBuilder(url) { Path = "/" + string.Join('/', url.AbsolutePath.Split('/')[1..3]), Query = url.Query.TrimStart('?') + "&restype=container&comp=list" }.Uri;
        using (var listed = await Http.GetAsync(list))
        {
            Assert.Equal(HttpStatusCode.Forbidden, listed.StatusCode);
        }
    }

    [Fact]
    public async Task AnExpiredAddress_IsRefused()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var url = await services.Get<IUploadGrantSigner>().SignAsync("world/late.txt", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);

        using var response = await PutAsync(url, "too late");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Not emulated: Azurite gives delegation keys only to OAuth over https. The signing is the SDK's, offline.</summary>
    [Fact]
    public void InAzure_TheAddressIsAUserDelegationSas_ForCreateAndWriteOfOneBlob()
    {
        var service = new BlobServiceClient(new Uri("https://pipelinestore.blob.core.windows.net/"), new NoCredential());
        var blob = service.GetBlobContainerClient("articles").GetBlobClient("world/story one.txt");
        Assert.False(blob.CanGenerateSasUri);
        var key = BlobsModelFactory.UserDelegationKey("11111111-2222-3333-4444-555555555555", "tenant", DateTimeOffset.UtcNow.AddMinutes(-5),
            DateTimeOffset.UtcNow.AddHours(1), "b", "2025-01-05", Convert.ToBase64String(new byte[32]));
        var expires = DateTimeOffset.UtcNow.AddMinutes(15);

        var url = BlobUploadGrantSigner.Sign(blob, BlobUploadGrantSigner.Builder(blob, expires), key, service.AccountName);

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("/articles/world/story%20one.txt", url.AbsolutePath);
        Assert.Equal("cw", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", query["skoid"]);
        Assert.NotNull(query["sig"]);
    }

    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("offline");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("offline");
    }
}
