using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Uploads;

namespace Pipeline.Core.Tests.Uploads;

/// <summary>What the desk is told before a file travels: the name it becomes, or why the pipeline would refuse it.</summary>
public sealed class UploadGrantServiceTests
{
    private sealed class RecordingSigner : IUploadGrantSigner
    {
        public List<string> Signed { get; } = [];

        public ValueTask<Uri> SignAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            Signed.Add(blobName);
            return ValueTask.FromResult(new Uri($"https://account.example/articles/{Uri.EscapeDataString(blobName)}?sig=x"));
        }
    }

    private readonly RecordingSigner _signer = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    private UploadGrantService Service(long maxUploadBytes = 10 * 1024 * 1024) =>
        new(_signer, Options.Create(new PipelineOptions { MaxUploadBytes = maxUploadBytes }), _clock);

    private async Task<IReadOnlyList<UploadGrantItem>> GrantAsync(string? section, params UploadGrantFile?[] files)
    {
        var (folder, error) = UploadGrantService.FolderOf(section);
        Assert.Null(error);
        return await Service().GrantAsync(folder, files, _clock.GetUtcNow() + UploadGrantService.Lifetime, CancellationToken.None);
    }

    [Fact]
    public async Task FilesBecomeNamesInTheSectionsFolder_EachSignedForItsOwnName()
    {
        var items = await GrantAsync("Pakistan News", new("floods.txt", 2_000), new("desk/photos/bank.jpg", 3_000_000), new(@"desk\notes.md", 10));

        Assert.Equal(["pakistan-news/floods.txt", "pakistan-news/desk/photos/bank.jpg", "pakistan-news/desk/notes.md"], items.Select(i => i.Name));
        Assert.All(items, i => Assert.NotNull(i.Url));
        Assert.Equal(items.Select(i => i.Name), _signer.Signed);
    }

    [Fact]
    public async Task WithoutASection_TheNameIsTheFilesOwn()
    {
        var item = Assert.Single(await GrantAsync("  ", new UploadGrantFile("world/story.txt", 1)));

        Assert.Equal("world/story.txt", item.Name);
    }

    [Theory]
    [InlineData("../escape.txt", UploadGrantService.InvalidName, "'..'")]
    [InlineData("/rooted.txt", UploadGrantService.InvalidName, "folders")]
    [InlineData("desk/.hidden/story.txt", UploadGrantService.InvalidName, "hidden")]
    [InlineData(".DS_Store", UploadGrantService.InvalidName, "hidden")]
    [InlineData("contract.pdf", UploadGrantService.UnsupportedKind, ".docx")]
    [InlineData("script.html", UploadGrantService.UnsupportedKind, "not a kind the pipeline reads")]
    [InlineData("", UploadGrantService.InvalidName, "no name")]
    public async Task FilesThePipelineWouldRefuse_AreRefusedBeforeTheyTravel(string name, string code, string said)
    {
        var item = Assert.Single(await GrantAsync(null, new UploadGrantFile(name, 100)));

        Assert.Null(item.Url);
        Assert.Equal(code, item.ErrorCode);
        Assert.Contains(said, item.Error, StringComparison.Ordinal);
        Assert.Empty(_signer.Signed);
    }

    [Fact]
    public async Task SizeLimits_AreThePipelines_ArticlesAndPicturesApart()
    {
        var items = await Service(maxUploadBytes: 1024 * 1024).GrantAsync(null,
            [new("big.txt", 2 * 1024 * 1024), new("ok.txt", 1024 * 1024), new("big.jpg", 26L * 1024 * 1024), new("photo.jpg", 2 * 1024 * 1024), new("unknown.txt", null)],
            _clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal([UploadGrantService.TooLarge, null, UploadGrantService.TooLarge, null, null], items.Select(i => i.ErrorCode));
        Assert.Equal("'big.txt' is 2 MB; the limit for an article file is 1 MB", items[0].Error);
        Assert.Equal("'big.jpg' is 26 MB; the limit for a picture is 25 MB", items[2].Error);
    }

    [Fact]
    public async Task TheSameNameTwice_IsGrantedOnce()
    {
        var items = await GrantAsync("world", new("a/story.txt", 1), new(@"a\story.txt", 1));

        Assert.NotNull(items[0].Url);
        Assert.Equal(UploadGrantService.InvalidName, items[1].ErrorCode);
        Assert.Contains("twice", items[1].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("———")]
    public void ASectionWithoutLettersOrDigits_IsRefused(string section)
    {
        var (folder, error) = UploadGrantService.FolderOf(section);

        Assert.Null(folder);
        Assert.Contains("letters or digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_ExpireAQuarterOfAnHourFromNow()
    {
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), Service().ExpiryFromNow());
    }
}
