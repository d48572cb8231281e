using System.Text;
using Pipeline.Core.Publishing;

namespace Pipeline.Core.Links;

/// <summary>
/// The reader's side: turns a code into a redirect. A hot link is answered from <see cref="RedirectCache"/> and counted
/// in memory by <see cref="ClickCounter"/>, so it costs no storage round trip and no table write.
/// </summary>
public sealed class ShortLinkRedirector(IShortLinkStore store, ISiteStore site, RedirectCache cache, ClickCounter clicks, CoarseClock clock)
{
    public const string NotFoundDocument = "404.html";

    private static readonly TimeSpan NotFoundPageTtl = TimeSpan.FromMinutes(1);

    private NotFoundPage? _notFoundPage;

    /// <summary>Where <paramref name="code"/> leads; <paramref name="query"/> (<c>?utm_source=x</c>) is passed on to the target.</summary>
    public async ValueTask<LinkRedirect> FollowAsync(string code, string? query, string? userAgent, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(code, out var link))
        {
            // Malformed and reserved codes never reach storage, nor the cache (which they could otherwise flood).
            if (ShortLinkService.CheckCode(code) is not null)
            {
                return new LinkRedirect(RedirectKind.NotFound, null, LinkErrorCodes.NotFound, await NotFoundPageAsync(cancellationToken));
            }

            link = await store.GetAsync(code, cancellationToken);
            cache.Set(code, link);
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
        return new LinkRedirect(RedirectKind.Redirect, QueryStrings.Merge(link.Url, query), null, null);
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
