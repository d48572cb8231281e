using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Links;

/// <summary>
/// How many storage lookups one client may cause on the redirect: a code the cache does not know costs a table read,
/// so a client making up codes (3 000 of them in a probe) would otherwise put that load on storage and slow every
/// cold link behind it. Each client has a token bucket (<see cref="ShortLinkOptions.LookupsPerSecond"/>, bursts of
/// <see cref="ShortLinkOptions.LookupBurst"/>); a hot link answered from the cache takes no token, so readers of a
/// popular link are never limited. Clients are told apart by <see cref="ShortLinkOptions.ClientAddressHeader"/>'s
/// last entry (the one the platform's front end appends) or else the connection's address.
/// </summary>
public sealed class LookupLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LookupLimiter(IOptions<ShortLinkOptions> options)
    {
        var perSecond = options.Value.LookupsPerSecond;
        var burst = options.Value.LookupBurst;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>How long a refused client should wait, for <c>Retry-After</c>.</summary>
    public static TimeSpan RetryAfter => TimeSpan.FromSeconds(1);

    /// <summary>True when <paramref name="client"/> may cause one more storage lookup now.</summary>
    public bool TryTake(string? client)
    {
        using var lease = _limiter.AttemptAcquire(client ?? string.Empty);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
