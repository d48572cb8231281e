using Pipeline.Core.Articles;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Every upload of the hostile corpus ends in a final status with a reason an editor can read, and nothing unsafe is published.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite)
{
    public static TheoryData<string> Names => new(HostileInputs.All().Select(i => i.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Ingest_HostileUpload_EndsWithAReasonOrAnInertPage(string name)
    {
        var input = HostileInputs.All().Single(i => i.Name == name);
        await using var services = await PipelineServices.CreateAsync(azurite);
        var blob = services.Storage.Uploads.GetBlobClient(input.Name);
        await blob.UploadAsync(new BinaryData(input.Content));

        var result = await services.Create<IngestArticle>().Run(blob, input.Name, CancellationToken.None);
        await services.DrainRenderQueueAsync();

        var status = await services.Get<IUploadStatusStore>().GetAsync(input.Name, CancellationToken.None);
        Assert.NotNull(status);
        Assert.Contains(status.State, new[] { UploadState.Published, UploadState.Failed });
        if (input.Expect is { } expected)
        {
            Assert.True((expected == HostileOutcome.Published) == (status.State == UploadState.Published), $"{input}: expected {expected}, got {status.State} ({status.Reason})");
        }

        if (status.State == UploadState.Failed)
        {
            Assert.False(string.IsNullOrWhiteSpace(status.Reason));
            Assert.True(status.Reason!.Length < 600, "a reason is a sentence, not a dump");
        }

        foreach (var article in result.Articles.Where(a => a.State == ArticleState.Published))
        {
            var html = (await services.Storage.Site.GetBlobClient(article.Path + "index.html").DownloadContentAsync()).Value.Content.ToString();
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("^[a-z0-9-]+$", article.Slug);
        }

        Assert.True(await blob.ExistsAsync(), "the original upload is never removed");
    }
}
