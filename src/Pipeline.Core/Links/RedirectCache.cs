using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Links;

/// <summary>
/// Bounded in-memory map of code → link (or → "no such code", briefly), so a hot link costs no storage read.
/// In-process only: an edit made on another instance is seen here once the entry's TTL has passed.
/// </summary>
public sealed class RedirectCache(IOptions<ShortLinkOptions> options, CoarseClock clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _ttl = options.Value.CacheTtl.Ticks;
    private readonly long _notFoundTtl = options.Value.NotFoundCacheTtl.Ticks;
    private readonly int _capacity = options.Value.CacheCapacity;
    private int _count;
    private int _trimming;

    public int Count => Volatile.Read(ref _count);

    /// <summary>True when the cache knows the code; <paramref name="link"/> is then the link, or null for a code known not to exist.</summary>
    public bool TryGet(string code, out ShortLink? link)
    {
        if (_entries.TryGetValue(code, out var entry))
        {
            if (entry.ExpiresAt > clock.UtcTicks)
            {
                link = entry.Link;
                return true;
            }

            if (((ICollection<KeyValuePair<string, Entry>>)_entries).Remove(new(code, entry)))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        link = null;
        return false;
    }

    /// <summary>Remembers what storage said about <paramref name="code"/>: the link, or null for "does not exist".</summary>
    public void Set(string code, ShortLink? link)
    {
        var entry = new Entry(link, clock.UtcTicks + (link is null ? _notFoundTtl : _ttl));
        if (_entries.TryAdd(code, entry))
        {
            if (Interlocked.Increment(ref _count) > _capacity)
            {
                Trim();
            }
        }
        else
        {
            _entries[code] = entry;
        }
    }

    /// <summary>Forgets a code after it was created, changed or archived here, so the next redirect reads storage.</summary>
    public void Invalidate(string code)
    {
        if (_entries.TryRemove(code, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            // Expired entries go first; if that is not enough, arbitrary ones down to 90 % (a cache may forget anything).
            var now = clock.UtcTicks;
            var target = _capacity * 9 / 10;
            foreach (var (code, entry) in _entries)
            {
                if (entry.ExpiresAt <= now && ((ICollection<KeyValuePair<string, Entry>>)_entries).Remove(new(code, entry)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            foreach (var code in _entries.Keys)
            {
                if (Volatile.Read(ref _count) <= target)
                {
                    break;
                }

                Invalidate(code);
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private sealed record Entry(ShortLink? Link, long ExpiresAt);
}
