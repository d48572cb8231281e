using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The link API on the local host: routes as ASP.NET picks them, the key on management endpoints, the open redirect.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShortLinksEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Key = "local-test-key";

    [Fact]
    public async Task LinkApi_OnTheLocalHost_RoutesEveryEndpointAndGuardsManagementWithTheKey()
    {
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), new Dictionary<string, string> { ["DevHost__ApiKey"] = Key });
        try
        {
            using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.ApiBase };
            using var editor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.ApiBase };
            editor.DefaultRequestHeaders.Add("x-functions-key", Key);

            var refused = await anonymous.PostAsJsonAsync("api/links", new { url = "https://example.com/" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var wrongKey = await anonymous.GetAsync("api/links?code=not-the-key");
            Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);

            // Answers no function gives, as the Functions host gives them: 401 without a body, 404 for an unknown
            // route and for a known route with a method it does not take, 204 for "/" (home page turned off).
            Assert.Equal("", await wrongKey.Content.ReadAsStringAsync());
            var unknown = await editor.GetAsync("api/no/such/route");
            Assert.Equal((HttpStatusCode.NotFound, ""), (unknown.StatusCode, await unknown.Content.ReadAsStringAsync()));
            var wrongMethod = await editor.PutAsJsonAsync("api/links", new { url = "https://example.com/" });
            Assert.Equal((HttpStatusCode.NotFound, ""), (wrongMethod.StatusCode, await wrongMethod.Content.ReadAsStringAsync()));
            Assert.Equal(HttpStatusCode.NoContent, (await anonymous.GetAsync("/")).StatusCode);

            var created = await editor.PostAsJsonAsync("api/links", new { url = "https://example.com/story?id=7", code = "E2e-Link", tags = new[] { "desk" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            // Literal segments win over {code}: these reach the management functions, not the redirect.
            var list = await Json(await editor.GetAsync("api/links?tag=desk"));
            Assert.Equal("E2e-Link", list.GetProperty("links")[0].GetProperty("code").GetString());
            var details = await Json(await editor.GetAsync("api/links/e2e-link"));
            Assert.Equal("https://example.com/story?id=7", details.GetProperty("url").GetString());
            var qr = await editor.GetAsync("api/links/e2e-link/qr");
            Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
            var bulk = await editor.PostAsJsonAsync("api/links/bulk", new[] { new { url = "https://example.com/b1" } });
            Assert.Equal(1, (await Json(bulk)).GetProperty("created").GetInt32());

            var redirect = await anonymous.GetAsync("E2E-LINK?utm_source=e2e");
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            Assert.Equal(new Uri("https://example.com/story?id=7&utm_source=e2e"), redirect.Headers.Location);

            var reserved = await anonymous.GetAsync("api");
            Assert.Equal(HttpStatusCode.NotFound, reserved.StatusCode);

            var patched = await editor.PatchAsJsonAsync("api/links/e2e-link", new { url = "https://example.com/moved" });
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            Assert.Equal(new Uri("https://example.com/moved"), (await anonymous.GetAsync("e2e-link")).Headers.Location);

            Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync("api/links/e2e-link")).StatusCode);
            Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync("e2e-link")).StatusCode);
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }

    [Fact]
    public async Task LinkApi_SlowOrMistypedBody_IsAClientErrorWithoutAStackTraceOrATypeName()
    {
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), new Dictionary<string, string> { ["DevHost__ApiKey"] = Key });
        try
        {
            // A body that trickles in slower than Kestrel's minimum data rate (240 bytes/s after a 5 s grace period).
            using (var client = new System.Net.Sockets.TcpClient())
            {
                await client.ConnectAsync(IPAddress.Loopback, host.ApiBase.Port);
                var stream = client.GetStream();
                var head = $"POST /api/links HTTP/1.1\r\nHost: 127.0.0.1:{host.ApiBase.Port}\r\nx-functions-key: {Key}\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{{\"url\":";
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
                var answer = new byte[4096];
                var read = 0;
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    read = await stream.ReadAsync(answer, bound.Token);
                }
                catch (IOException)
                {
                    // The server may close the connection without an answer; the log below is what this test is about.
                }

                var status = System.Text.Encoding.ASCII.GetString(answer, 0, read);
                Assert.True(read == 0 || status.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), status);
            }

            // A field of the wrong type names the field, not a .NET type.
            using var editor = new HttpClient { BaseAddress = host.ApiBase };
            editor.DefaultRequestHeaders.Add("x-functions-key", Key);
            var mistyped = await editor.PostAsync("api/links", new StringContent("""{"url":"https://example.com/","tags":"sport"}""", System.Text.Encoding.UTF8, "application/json"));
            var message = (await Json400(mistyped)).GetProperty("message").GetString()!;
            Assert.Contains("tags", message);
            Assert.DoesNotContain("Pipeline.", message);
            Assert.DoesNotContain("System.", message);

            await Task.Delay(500);
            Assert.DoesNotContain("Exception", host.Output);
            Assert.DoesNotContain("fail:", host.Output);
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }

    private static async Task<JsonElement> Json400(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
