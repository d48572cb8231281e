using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Publishing;

/// <summary>The one retry of a write that lost to a concurrent writer.</summary>
public sealed class ConflictRetryTests
{
    [Fact]
    public async Task ALostWrite_IsTriedAgain_WithTheAttemptsNumber_UntilItLands()
    {
        var seen = new List<int>();

        var result = await ConflictRetry.RunAsync(attempt =>
        {
            seen.Add(attempt);
            return attempt < 3 ? throw new ConcurrencyException("lost") : Task.FromResult("landed");
        }, maxAttempts: 5, CancellationToken.None);

        Assert.Equal("landed", result);
        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public async Task ALastLostAttempt_IsTheCallersToHandle()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => ConflictRetry.RunAsync<int>(_ =>
        {
            attempts++;
            throw new ConcurrencyException("lost again");
        }, maxAttempts: 4, CancellationToken.None));

        Assert.Equal(4, attempts);
        Assert.Equal("lost again", error.Message);
    }

    [Fact]
    public async Task AnyOtherFailure_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => ConflictRetry.RunAsync<int>(_ =>
        {
            attempts++;
            throw new InvalidOperationException("not a conflict");
        }, maxAttempts: 4, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Pauses_GrowWithTheAttempt(int attempt)
    {
        var pause = ConflictRetry.Pause(attempt);

        Assert.InRange(pause.TotalMilliseconds, 5 * attempt, 25 * attempt);
    }
}
