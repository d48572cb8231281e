using System.Collections.Concurrent;
using Pipeline.Core.Links;

namespace Pipeline.Core.Tests.Links;

/// <summary>An insert-if-absent store in memory; <see cref="RefuseNextAdds"/> makes it report collisions.</summary>
internal sealed class InMemoryShortLinkStore : IShortLinkStore
{
    private readonly ConcurrentDictionary<string, ShortLink> _links = new(StringComparer.OrdinalIgnoreCase);
    private int _refusals;

    public List<string> Attempts { get; } = [];

    public ICollection<ShortLink> Links => _links.Values;

    public int AddFailures { get; set; }

    public void RefuseNextAdds(int count) => _refusals = count;

    public Task<bool> TryAddAsync(ShortLink link, CancellationToken cancellationToken, bool listed = true)
    {
        lock (Attempts)
        {
            Attempts.Add(link.Code);
        }

        if (Interlocked.Decrement(ref _refusals) >= 0)
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(_links.TryAdd(link.Code, link with { ETag = "1" }));
    }

    public Task<ShortLink?> GetAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryGetValue(code, out var link) ? link : null);

    public Task<bool> TryReplaceAsync(ShortLink link, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryGetValue(link.Code, out var stored) && stored.ETag == link.ETag
            && _links.TryUpdate(link.Code, link with { ETag = (int.Parse(link.ETag!) + 1).ToString() }, stored));

    // Listings here are computed from the links themselves, so there are no listing rows to write.
    public Task ListAsync(IReadOnlyCollection<ShortLink> links, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ShortLinkPage> ListAsync(string? tag, int top, string? continuation, CancellationToken cancellationToken) =>
        Task.FromResult(new ShortLinkPage(_links.Values.Where(l => tag is null || l.Tags.Contains(tag)).Take(top).ToList(), null));

    public List<ClickDelta> Clicks { get; } = [];

    public Task AddClicksAsync(ClickDelta delta, CancellationToken cancellationToken)
    {
        if (AddFailures > 0)
        {
            AddFailures--;
            throw new IOException("storage is away");
        }

        lock (Clicks)
        {
            Clicks.Add(delta);
        }

        return Task.CompletedTask;
    }

    public Task<ClickTotals> GetClicksAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(ClickTotals.From([]));
}
