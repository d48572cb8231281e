using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Links;

/// <summary>Creates, changes, lists and archives short links; the only place the link rules live.</summary>
public sealed partial class ShortLinkService(
    IShortLinkStore store,
    RedirectCache cache,
    IOptions<PipelineOptions> options,
    IOptions<ShortLinkOptions> linkOptions,
    TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxTags = 10;
    public const int MaxTitleLength = 500;

    private const int MaxAttempts = 12;
    private const int MaxChangeAttempts = 5;
    private const int BulkParallelism = 8;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "admin", "static", "assets", "health", "index", "favicon.ico", "robots.txt", "sitemap", "feed", "search",
        "links", "login", "logout", "account", "www", "app", "qr", "desk",
    };

    public async Task<LinkResult<ShortLink>> CreateAsync(ShortLinkRequest request, CancellationToken cancellationToken)
    {
        if (Check(request) is { } error)
        {
            return error;
        }

        var link = NewLink(request.Code ?? "", UrlRules.Normalize(request.Url!), request.Title, null) with
        {
            Tags = NormalizeTags(request.Tags),
            ExpiresAt = request.ExpiresAt,
            ExpiredUrl = request.ExpiredUrl is null ? null : UrlRules.Normalize(request.ExpiredUrl),
            PassQuery = request.PassQuery ?? true,
        };
        if (request.Code is null)
        {
            return await AddWithGeneratedCodeAsync(link, cancellationToken);
        }

        if (!await store.TryAddAsync(link, cancellationToken))
        {
            return new LinkError(LinkErrorCodes.CodeTaken, $"the code '{request.Code}' is already in use");
        }

        // A redirect may have remembered this code as unknown a moment ago.
        cache.Invalidate(link.Code);
        return link;
    }

    /// <summary>Creates up to <see cref="ShortLinkBatch.MaxItems"/> links; each item succeeds or fails on its own.</summary>
    public async Task<LinkResult<ShortLinkBatch>> CreateManyAsync(IReadOnlyList<ShortLinkRequest?>? requests, CancellationToken cancellationToken)
    {
        if (requests is null || requests.Count == 0)
        {
            return new LinkError(LinkErrorCodes.InvalidBody, "send a JSON array of links");
        }

        if (requests.Count > ShortLinkBatch.MaxItems)
        {
            return new LinkError(LinkErrorCodes.TooMany, $"at most {ShortLinkBatch.MaxItems} links per request; this one has {requests.Count}");
        }

        var results = new LinkResult<ShortLink>[requests.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requests.Count; i++)
        {
            // Two items asking for one code: the first wins, decided here rather than by which insert lands first.
            if (requests[i]?.Code is { } code && !seen.Add(code))
            {
                results[i] = new LinkError(LinkErrorCodes.CodeTaken, $"the code '{code}' appears earlier in this request");
            }
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count).Where(i => results[i] is null),
            new ParallelOptions { MaxDegreeOfParallelism = BulkParallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = requests[i] is { } request
                ? await CreateAsync(request, ct)
                : new LinkError(LinkErrorCodes.InvalidBody, "item is not a JSON object"));
        return new ShortLinkBatch(results);
    }

    /// <summary>
    /// Makes sure an article's link exists under its reserved code (or a fresh one if that was taken) and returns it;
    /// idempotent, so re-ingest never adds a second link. Its listing rows are the caller's to write with
    /// <see cref="ListArticleLinksAsync"/>, for all of an upload's links at once, every time (also on a retry).
    /// </summary>
    /// <param name="codeIsNew">The code was generated for an article stored just now, so it is inserted without looking first.</param>
    public async Task<ShortLink> EnsureArticleLinkAsync(string code, string url, string title, string articleId, bool codeIsNew, CancellationToken cancellationToken)
    {
        var existing = codeIsNew ? null : await store.GetAsync(code, cancellationToken);
        if (existing is not null)
        {
            // The reserved code went to someone else in between: take a fresh one.
            return existing.ArticleId == articleId ? existing : await AddWithGeneratedCodeAsync(NewLink("", url, title, articleId), cancellationToken, listed: false);
        }

        var link = NewLink(code, url, title, articleId);
        if (await store.TryAddAsync(link, cancellationToken, listed: false))
        {
            cache.Invalidate(code);
            return link;
        }

        // Lost a race for the same code: if the winner is this article (a concurrent ingest), that is fine.
        existing = await store.GetAsync(code, cancellationToken);
        return existing?.ArticleId == articleId
            ? existing
            : await AddWithGeneratedCodeAsync(NewLink("", url, title, articleId), cancellationToken, listed: false);
    }

    /// <summary>Writes the listing rows of articles' links (see <see cref="EnsureArticleLinkAsync"/>).</summary>
    public Task ListArticleLinksAsync(IReadOnlyCollection<ShortLink> links, CancellationToken cancellationToken) =>
        links.Count == 0 ? Task.CompletedTask : store.ListAsync(links, cancellationToken);

    public async Task<LinkResult<ShortLinkDetails>> GetAsync(string code, CancellationToken cancellationToken)
    {
        var link = CheckCode(code) is null ? await store.GetAsync(code, cancellationToken) : null;
        if (link is null)
        {
            return NotFound(code);
        }

        return new ShortLinkDetails(link, await store.GetClicksAsync(link.Code, cancellationToken));
    }

    public async Task<LinkResult<ShortLinkPage>> ListAsync(string? tag, string? top, string? continuation, CancellationToken cancellationToken)
    {
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(top) && (!int.TryParse(top, out size) || size is < 1 or > MaxPageSize))
        {
            return new LinkError(LinkErrorCodes.InvalidQuery, $"top must be a whole number from 1 to {MaxPageSize}");
        }

        string? normalized = null;
        if (!string.IsNullOrEmpty(tag) && CheckTag(tag, out normalized) is { } tagError)
        {
            return tagError;
        }

        return await store.ListAsync(normalized, size, string.IsNullOrEmpty(continuation) ? null : continuation, cancellationToken);
    }

    /// <summary>Changes target, title or expiry; the change reaches this instance's redirects at once.</summary>
    public Task<LinkResult<ShortLink>> UpdateAsync(string code, ShortLinkUpdate update, CancellationToken cancellationToken)
    {
        if (CheckUpdate(update) is { } error)
        {
            return Task.FromResult<LinkResult<ShortLink>>(error);
        }

        return ChangeAsync(code, link => link.ArchivedAt is not null
            ? new LinkError(LinkErrorCodes.Archived, $"the link '{link.Code}' is archived")
            : link with
            {
                Url = update.Url is null ? link.Url : UrlRules.Normalize(update.Url),
                Title = update.Title ?? link.Title,
                ExpiresAt = update.ClearExpiry ? null : update.ExpiresAt ?? link.ExpiresAt,
                ExpiredUrl = update.ClearExpiry ? null : update.ExpiredUrl is null ? link.ExpiredUrl : UrlRules.Normalize(update.ExpiredUrl),
                PassQuery = update.PassQuery ?? link.PassQuery,
                UpdatedAt = clock.GetUtcNow(),
            }, cancellationToken);
    }

    /// <summary>Archives a link: its code stays taken and its redirect answers 410. Archiving twice changes nothing.</summary>
    public Task<LinkResult<ShortLink>> ArchiveAsync(string code, CancellationToken cancellationToken) =>
        ChangeAsync(code, link => link.ArchivedAt is not null ? link : link with { ArchivedAt = clock.GetUtcNow() }, cancellationToken);

    /// <summary>The QR code of a link's short URL, as <c>svg</c> (default) or <c>png</c>.</summary>
    public async Task<LinkResult<QrCodeImage>> QrCodeAsync(string code, string? format, CancellationToken cancellationToken)
    {
        format = string.IsNullOrEmpty(format) ? QrCodeImage.Svg : format.ToLowerInvariant();
        if (!QrCodeImage.IsFormat(format))
        {
            return new LinkError(LinkErrorCodes.InvalidQuery, "format must be svg or png");
        }

        var link = CheckCode(code) is null ? await store.GetAsync(code, cancellationToken) : null;
        return link is null ? NotFound(code) : ShortLinkQrCodes.Draw(ShortUrl(link.Code), format);
    }

    public Uri ShortUrl(string code) => new(options.Value.ShortLinkBaseUrl, code);

    /// <summary>Null when <paramref name="code"/> may be used as a custom code, else why not.</summary>
    public static string? CheckCode(string code)
    {
        if (!CodeRegex().IsMatch(code))
        {
            return "code must be 3-32 characters of letters, digits, '-' or '_'";
        }

        return Reserved.Contains(code) ? $"'{code}' is a reserved word" : null;
    }

    /// <summary>The target rules, with every name this service answers on counted as itself.</summary>
    private string? CheckUrl(string? url) => UrlRules.Check(url, options.Value.ShortLinkBaseUrl, linkOptions.Value.OtherServiceHosts);

    private LinkError? Check(ShortLinkRequest request)
    {
        if (CheckUrl(request.Url) is { } urlError)
        {
            return new LinkError(LinkErrorCodes.InvalidUrl, urlError);
        }

        if (request.Code is { } wanted && CheckCode(wanted) is { } codeError)
        {
            return new LinkError(LinkErrorCodes.InvalidCode, codeError);
        }

        if (request.Tags is { } tags)
        {
            if (tags.Count > MaxTags)
            {
                return new LinkError(LinkErrorCodes.InvalidTag, $"at most {MaxTags} tags");
            }

            foreach (var tag in tags)
            {
                if (tag is null)
                {
                    return new LinkError(LinkErrorCodes.InvalidTag, "tags must be a list of text");
                }

                if (CheckTag(tag, out _) is { } tagError)
                {
                    return tagError;
                }
            }
        }

        return CheckFields(request.Title, request.ExpiresAt, request.ExpiredUrl);
    }

    private LinkError? CheckUpdate(ShortLinkUpdate update)
    {
        if (update.Url is not null && CheckUrl(update.Url) is { } urlError)
        {
            return new LinkError(LinkErrorCodes.InvalidUrl, urlError);
        }

        if (update.ClearExpiry && (update.ExpiresAt is not null || update.ExpiredUrl is not null))
        {
            return new LinkError(LinkErrorCodes.InvalidExpiry, "clearExpiry cannot be combined with expiresAt or expiredUrl");
        }

        return CheckFields(update.Title, update.ExpiresAt, update.ExpiredUrl);
    }

    private LinkError? CheckFields(string? title, DateTimeOffset? expiresAt, string? expiredUrl)
    {
        if (title is { Length: > MaxTitleLength })
        {
            return new LinkError(LinkErrorCodes.InvalidTitle, $"title is longer than {MaxTitleLength} characters");
        }

        if (expiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return new LinkError(LinkErrorCodes.InvalidExpiry, "expiresAt must be in the future");
        }

        return expiredUrl is not null && CheckUrl(expiredUrl) is { } expiredError
            ? new LinkError(LinkErrorCodes.InvalidUrl, "expiredUrl: " + expiredError)
            : null;
    }

    private static LinkError? CheckTag(string tag, out string normalized)
    {
        normalized = tag.Trim().ToLowerInvariant();
        return TagRegex().IsMatch(normalized)
            ? null
            : new LinkError(LinkErrorCodes.InvalidTag, $"tag '{tag}' must be 1-50 characters of letters, digits, '-' or '_'");
    }

    private static List<string> NormalizeTags(IReadOnlyList<string>? tags) =>
        tags is null ? [] : tags.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();

    private static LinkError NotFound(string code) => new(LinkErrorCodes.NotFound, $"no short link '{code}'");

    /// <summary>Read, change, write-if-unchanged; a concurrent writer makes it read again rather than overwrite.</summary>
    private async Task<LinkResult<ShortLink>> ChangeAsync(string code, Func<ShortLink, LinkResult<ShortLink>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxChangeAttempts; attempt++)
        {
            var link = CheckCode(code) is null ? await store.GetAsync(code, cancellationToken) : null;
            if (link is null)
            {
                return NotFound(code);
            }

            var changed = change(link);
            if (!changed.Succeeded || ReferenceEquals(changed.Value, link))
            {
                return changed;
            }

            if (await store.TryReplaceAsync(changed.Value!, cancellationToken))
            {
                cache.Invalidate(link.Code);
                return changed;
            }
        }

        return new LinkError(LinkErrorCodes.Conflict, $"the link '{code}' is being changed by someone else; try again");
    }

    private async Task<ShortLink> AddWithGeneratedCodeAsync(ShortLink template, CancellationToken cancellationToken, bool listed = true)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Longer codes after repeated collisions keep the loop bounded even in a crowded code space.
            var link = template with { Code = ShortCodeGenerator.Next(ShortCodeGenerator.DefaultLength + attempt / 4) };
            if (await store.TryAddAsync(link, cancellationToken, listed))
            {
                cache.Invalidate(link.Code);
                return link;
            }
        }

        throw new InvalidOperationException("could not find a free short code");
    }

    private ShortLink NewLink(string code, string url, string? title, string? articleId) => new()
    {
        Code = code,
        Url = url,
        Title = title,
        ArticleId = articleId,
        CreatedAt = clock.GetUtcNow(),
    };

    [GeneratedRegex(@"^[A-Za-z0-9_-]{3,32}\z")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^[a-z0-9_-]{1,50}\z")]
    private static partial Regex TagRegex();
}
