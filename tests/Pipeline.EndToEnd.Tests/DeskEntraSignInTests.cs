using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// An editor signs in to the desk with Microsoft (a tenant on 127.0.0.1 that speaks the identity platform's protocol:
/// metadata, keys, authorization code with PKCE): the desk names them, their upload is theirs in the audit log, and
/// what their app role does not allow is not offered (and refused by the API with the reason), until the Publisher role is theirs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeskEntraSignInTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string HeldStory = """
        Saima Baloch

        TURBAT: The district's first cold store for dates opened on Monday, letting growers hold their harvest until prices recover.

        Farmers queued with trailers from dawn, a market committee member said.
        """;

    [BrowserFact]
    public async Task Editor_SignsInWithMicrosoft_UploadsButMayNotPublish_UntilGivenThePublisherRole()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        await using var tenant = await LocalTenant.StartAsync();
        await using var host = await DevHostProcess.StartAsync(azurite, AzuriteFixture.NewPrefix(), tenant.AppSettings);
        try
        {
            // The API without a browser: no credentials, a token for another app, a token for this one.
            using (var http = new HttpClient { BaseAddress = host.ApiBase })
            {
                var none = await http.GetAsync("api/review");
                Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

                using var foreign = new HttpRequestMessage(HttpMethod.Get, "api/review");
                foreign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.AccessToken(audience: "api://some-other-app"));
                var refused = await http.SendAsync(foreign);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

                using var own = new HttpRequestMessage(HttpMethod.Get, "api/review");
                own.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.AccessToken());
                Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(own)).StatusCode);

                // What the desk reads to offer the sign-in: the tenant's endpoints and this API's scope, no secret.
                var access = JsonDocument.Parse(await http.GetStringAsync("api/access")).RootElement.GetProperty("entra");
                Assert.Equal(LocalTenant.ClientId, access.GetProperty("clientId").GetString());
                Assert.Equal($"api://{LocalTenant.ClientId}/Desk.Use", access.GetProperty("scope").GetString());
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFactAttribute.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var errors = BrowserFactAttribute.WatchErrors(page);

            await page.GotoAsync(new Uri(host.ApiBase, "desk/index.html").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
            await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Bilal Ahmed");
            // Back from the sign-in, the code is gone from the address bar (and from the history).
            Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
            Assert.Equal(1, tenant.Redemptions);

            await page.Locator("#upload-section").FillAsync("pakistan");
            await page.Locator("#upload-files").SetInputFilesAsync(new FilePayload { Name = "dates.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(HeldStory) });
            await Assertions.Expect(page.Locator("#upload-list li[data-name='pakistan/dates.txt'] .state")).ToHaveTextAsync("1 in review", new() { Timeout = 60_000 });
            var card = page.Locator("#review li[data-article]").First;
            await Assertions.Expect(card).ToBeVisibleAsync();

            // An editor may upload, correct and reject, not publish: the desk says so, and the API refuses it with
            // the role it takes if asked anyway.
            const string Headline = "Turbat opens its first cold store for dates";
            var approve = card.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" });
            await Assertions.Expect(approve).ToBeDisabledAsync();
            await Assertions.Expect(card).ToContainTextAsync("Approving takes the Publisher role");
            await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Reject" })).ToBeEnabledAsync();
            var held = await card.GetAttributeAsync("data-article");
            using (var http = new HttpClient { BaseAddress = host.ApiBase })
            {
                using var asked = new HttpRequestMessage(HttpMethod.Post, $"api/articles/{held}/approve") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                asked.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.AccessToken());
                var refused = await http.SendAsync(asked);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Contains("Bilal Ahmed is signed in but does not have the Publisher role", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // On this local host the desk probes for an open desk before sign-in (one 401); nothing else.
            Assert.True(errors.All(e => e.Contains("401", StringComparison.Ordinal)), "console errors besides the probe:\n" + string.Join("\n", errors));
            errors.Clear();

            // The administrator assigns the role; signed in again, the same approval publishes.
            tenant.Person = tenant.Person with { Roles = ["Editor", "Publisher"] };
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.Locator("#signed-in-as")).ToBeHiddenAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
            await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Bilal Ahmed");
            card = page.Locator("#review li[data-article]").First;
            await card.GetByLabel("Headline").FillAsync(Headline);
            await card.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Published “{Headline}”");
            // A publisher is offered unpublishing too.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Unpublish {Headline}" })).ToBeVisibleAsync();

            // The log names the person (and their object id), for the upload and for the approval.
            var approved = page.Locator("#audit tbody tr").Filter(new() { HasText = "approved" });
            await Assertions.Expect(approved.First).ToContainTextAsync($"Bilal Ahmed ({tenant.Person.ObjectId})");
            await Assertions.Expect(page.Locator("#audit tbody tr").Filter(new() { HasText = "uploaded" }).First).ToContainTextAsync("Bilal Ahmed");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteBrowserTests.ScreenshotFolder, "desk-entra.png"), FullPage = true });
            Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            output.WriteLine(host.Output);
        }
    }
}
