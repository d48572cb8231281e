using System.Collections.Concurrent;
using System.Text;
using Pipeline.Core.Publishing;

namespace Pipeline.Core.Links;

/// <summary>
/// The reader's side: turns a code into a redirect. A hot link is answered from <see cref="RedirectCache"/> and counted
/// in memory by <see cref="ClickCounter"/>, so it costs no storage round trip and no table write.
/// </summary>
public sealed class ShortLinkRedirector(IShortLinkStore store, ISiteStore site, RedirectCache cache, LookupLimiter limiter, ClickCounter clicks, CoarseClock clock)
{
    public const string NotFoundDocument = "404.html";

    private static readonly TimeSpan NotFoundPageTtl = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Task<ShortLink?>> _lookups = new(StringComparer.OrdinalIgnoreCase);

    private NotFoundPage? _notFoundPage;

    /// <summary>Where <paramref name="code"/> leads; <paramref name="query"/> (<c>?utm_source=x</c>) is passed on to the target.</summary>
    /// <param name="client">Who asks (an address), for the limit on storage lookups; null counts as one anonymous client.</param>
    public async ValueTask<LinkRedirect> FollowAsync(string code, string? query, string? userAgent, string? client, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(code, out var link))
        {
            // Malformed and reserved codes never reach storage, nor the cache (which they could otherwise flood).
            if (ShortLinkService.CheckCode(code) is not null)
            {
                return new LinkRedirect(RedirectKind.NotFound, null, LinkErrorCodes.NotFound, await NotFoundPageAsync(cancellationToken));
            }

            // A code the cache does not know costs a table read, shared by every request for it meanwhile (a link
            // that goes viral arrives as hundreds of requests before the first read returns); a client may cause
            // only so many reads.
            if (!_lookups.TryGetValue(code, out var lookup))
            {
                if (!limiter.TryTake(client))
                {
                    return new LinkRedirect(RedirectKind.Limited, null, LinkErrorCodes.RateLimited, null);
                }

                var mine = new TaskCompletionSource<ShortLink?>(TaskCreationOptions.RunContinuationsAsynchronously);
                lookup = _lookups.GetOrAdd(code, mine.Task);
                if (lookup == mine.Task)
                {
                    await LookUpAsync(code, mine);
                }
            }

            link = await lookup.WaitAsync(cancellationToken);
        }

        if (link is null)
        {
            return new LinkRedirect(RedirectKind.NotFound, null, LinkErrorCodes.NotFound, await NotFoundPageAsync(cancellationToken));
        }

        if (link.ArchivedAt is not null)
        {
            return new LinkRedirect(RedirectKind.Gone, null, LinkErrorCodes.Archived, null);
        }

        if (link.ExpiresAt is { } expiresAt && expiresAt.UtcTicks <= clock.UtcTicks)
        {
            return link.ExpiredUrl is { } expiredUrl
                ? new LinkRedirect(RedirectKind.Redirect, expiredUrl, LinkErrorCodes.Expired, null)
                : new LinkRedirect(RedirectKind.Gone, null, LinkErrorCodes.Expired, null);
        }

        clicks.Record(link.Code, UserAgents.IsBot(userAgent));
        return new LinkRedirect(RedirectKind.Redirect, link.PassQuery ? QueryStrings.Merge(link.Url, query) : link.Url, null, null);
    }

    /// <summary>One storage read for a code, whose result every request waiting on it gets; never cancelled by one of them.</summary>
    private async Task LookUpAsync(string code, TaskCompletionSource<ShortLink?> result)
    {
        try
        {
            var link = await store.GetAsync(code, CancellationToken.None);
            cache.Set(code, link);
            result.SetResult(link);
        }
        catch (Exception ex)
        {
            result.SetException(ex);
        }
        finally
        {
            _lookups.TryRemove(new KeyValuePair<string, Task<ShortLink?>>(code, result.Task));
        }
    }

    /// <summary>The site's own 404 page, read from the site at most once a minute.</summary>
    private async ValueTask<string?> NotFoundPageAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcTicks;
        if (_notFoundPage is { } cached && cached.ReadAt + NotFoundPageTtl.Ticks > now)
        {
            return cached.Content;
        }

        var bytes = await site.ReadAsync(NotFoundDocument, cancellationToken);
        var content = bytes is null ? null : Encoding.UTF8.GetString(bytes);
        _notFoundPage = new NotFoundPage(content, now);
        return content;
    }

    private sealed record NotFoundPage(string? Content, long ReadAt);
}
