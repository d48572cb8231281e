using Pipeline.Core.Articles;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>One listing refresh runs at a time; a claim left by a dead host expires.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RefreshLockTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryLockRefresh_SecondRefreshWhileTheFirstRuns_WaitsUntilItIsReleased()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();

        Assert.True(await store.TryLockRefreshAsync("first", Minute, CancellationToken.None));
        Assert.False(await store.TryLockRefreshAsync("second", Minute, CancellationToken.None));

        // A retried message of the running refresh still holds it.
        Assert.True(await store.TryLockRefreshAsync("first", Minute, CancellationToken.None));

        // Releasing someone else's claim does nothing.
        await store.UnlockRefreshAsync("second", CancellationToken.None);
        Assert.False(await store.TryLockRefreshAsync("second", Minute, CancellationToken.None));

        await store.UnlockRefreshAsync("first", CancellationToken.None);
        Assert.True(await store.TryLockRefreshAsync("second", Minute, CancellationToken.None));
    }

    [Fact]
    public async Task TryLockRefresh_ClaimOlderThanItsExpiry_IsTakenOver()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();
        Assert.True(await store.TryLockRefreshAsync("crashed", Minute, CancellationToken.None));

        // Expiry is judged by storage's clock, which reports whole seconds.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.True(await store.TryLockRefreshAsync("next", TimeSpan.Zero, CancellationToken.None));
        Assert.False(await store.TryLockRefreshAsync("crashed", Minute, CancellationToken.None));
    }

    [Fact]
    public async Task RefreshClaim_IsNotReadAsAListingNote()
    {
        await using var services = await PipelineServices.CreateAsync(azurite);
        var store = services.Get<IArticleStore>();
        await store.NoteListingsChangedAsync([("a1", "all", null)], CancellationToken.None);
        Assert.True(await store.TryLockRefreshAsync("running", Minute, CancellationToken.None));

        var notes = await store.BeginRefreshAsync("running", CancellationToken.None);

        Assert.Equal(["all"], notes.Select(n => n.ListingKey));
    }
}
