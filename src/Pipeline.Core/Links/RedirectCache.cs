using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Links;

/// <summary>
/// In-memory code → link, so a hot link costs no storage read, and code → "no such code", briefly, so probing the
/// same unknown code again costs none either. The two are apart: unknown codes cannot push real links out, however
/// many a client makes up. Each is bounded by count (<see cref="ShortLinkOptions.CacheCapacity"/> links and as many
/// unknown codes) and, when full, forgets expired entries first and then the least recently used ones, so a hot link
/// stays. In-process only: an edit made on another instance is seen here once the entry's TTL has passed.
/// </summary>
public sealed class RedirectCache : IDisposable
{
    private const double CompactBy = 0.10;

    private readonly MemoryCache _links;
    private readonly MemoryCache _unknown;
    private readonly long _ttl;
    private readonly long _notFoundTtl;
    private readonly int _capacity;
    private readonly CoarseClock _clock;
    private int _compacting;

    public RedirectCache(IOptions<ShortLinkOptions> options, CoarseClock clock)
    {
        _clock = clock;
        _ttl = options.Value.CacheTtl.Ticks;
        _notFoundTtl = options.Value.NotFoundCacheTtl.Ticks;
        _capacity = options.Value.CacheCapacity;
        // The size limit is the backstop; Set compacts before the limit is reached, because MemoryCache refuses an
        // entry that would exceed it and compacts only afterwards, in the background.
        _links = new MemoryCache(new MemoryCacheOptions { SizeLimit = _capacity, CompactionPercentage = CompactBy });
        _unknown = new MemoryCache(new MemoryCacheOptions { SizeLimit = _capacity, CompactionPercentage = CompactBy });
    }

    /// <summary>Links held (unknown codes not counted).</summary>
    public int Count => _links.Count;

    /// <summary>Unknown codes held.</summary>
    public int UnknownCount => _unknown.Count;

    /// <summary>True when the cache knows the code; <paramref name="link"/> is then the link, or null for a code known not to exist.</summary>
    public bool TryGet(string code, out ShortLink? link)
    {
        var key = Key(code);
        if (_links.TryGetValue(key, out Entry? entry) && Fresh(_links, key, entry!))
        {
            link = entry!.Link;
            return true;
        }

        link = null;
        return _unknown.TryGetValue(key, out entry) && Fresh(_unknown, key, entry!);
    }

    /// <summary>Remembers what storage said about <paramref name="code"/>: the link, or null for "does not exist".</summary>
    public void Set(string code, ShortLink? link)
    {
        var key = Key(code);
        var (cache, ttl) = link is null ? (_unknown, _notFoundTtl) : (_links, _ttl);
        (link is null ? _links : _unknown).Remove(key);
        if (cache.Count >= _capacity)
        {
            Compact(cache);
        }

        // The cache's own expiry (on the system clock) only lets it drop old entries first; freshness is decided by
        // the coarse clock in TryGet.
        cache.Set(key, new Entry(link, _clock.UtcTicks + ttl), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromTicks(Math.Max(ttl, TimeSpan.TicksPerSecond)),
        });
    }

    /// <summary>Forgets a code after it was created, changed or archived here, so the next redirect reads storage.</summary>
    public void Invalidate(string code)
    {
        var key = Key(code);
        _links.Remove(key);
        _unknown.Remove(key);
    }

    public void Dispose()
    {
        _links.Dispose();
        _unknown.Dispose();
    }

    /// <summary>Codes are case-insensitive; most are stored in lower case, for which this allocates nothing.</summary>
    private static string Key(string code) => code.ToLowerInvariant();

    private bool Fresh(MemoryCache cache, string key, Entry entry)
    {
        if (entry.ExpiresAt > _clock.UtcTicks)
        {
            return true;
        }

        cache.Remove(key);
        return false;
    }

    private void Compact(MemoryCache cache)
    {
        if (Interlocked.Exchange(ref _compacting, 1) == 1)
        {
            return;
        }

        try
        {
            // Expired entries first, then the least recently used, until a tenth is gone.
            cache.Compact(CompactBy);
        }
        finally
        {
            Volatile.Write(ref _compacting, 0);
        }
    }

    private sealed record Entry(ShortLink? Link, long ExpiresAt);
}
