using System.Text;
using Pipeline.Core.Uploads;
using Pipeline.Functions.Functions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Every upload format goes through the same trigger to a published article.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestFormatsTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> Uploads() => new()
    {
        { "desk/story.md", "---\ntitle: Markdown headline\nsummary: [One point]\n---\nDUBAI: Body of the Markdown story.\n" },
        { "desk/story.json", "{\"title\": \"JSON headline\", \"body\": [\"RIYADH: Body of the JSON story.\"]}" },
        { "desk/story", "Sniffed headline\nUpdated 22 June 2024\nFollow\nSniffed headline\nKARACHI: Body of a file without an extension.\n" },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task IngestArticle_EachFormat_Publishes(string name, string content)
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var upload = services.Storage.Uploads.GetBlobClient(name);
        await upload.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)));

        var result = await services.Create<IngestArticle>().Run(upload, upload.Name, CancellationToken.None);

        Assert.Equal(UploadState.Published, result.State);
        var article = Assert.Single(result.Articles);
        Assert.EndsWith("headline", article.Headline, StringComparison.Ordinal);
        Assert.Equal("desk", article.Section);
    }
}
