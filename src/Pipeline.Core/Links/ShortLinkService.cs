using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Links;

/// <summary>Creates and resolves short links; the only place the link rules live.</summary>
public sealed partial class ShortLinkService(IShortLinkStore store, IOptions<PipelineOptions> options, TimeProvider clock)
{
    private const int MaxAttempts = 12;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "admin", "static", "assets", "health", "index", "favicon.ico", "robots.txt", "sitemap", "feed", "search",
    };

    public async Task<ShortLinkResult> CreateAsync(ShortLinkRequest request, CancellationToken cancellationToken)
    {
        if (UrlRules.Check(request.Url, options.Value.ShortLinkBaseUrl) is { } urlError)
        {
            return ShortLinkResult.Invalid("invalid_url", urlError);
        }

        var url = request.Url!.Trim();
        if (request.Code is { } wanted)
        {
            if (CheckCode(wanted) is { } codeError)
            {
                return ShortLinkResult.Invalid("invalid_code", codeError);
            }

            var link = NewLink(wanted, url, request.Title, null);
            return await store.TryAddAsync(link, cancellationToken)
                ? ShortLinkResult.Created(link)
                : ShortLinkResult.Invalid("code_taken", $"the code '{wanted}' is already in use");
        }

        return ShortLinkResult.Created(await AddWithGeneratedCodeAsync(url, request.Title, null, cancellationToken));
    }

    /// <summary>Makes sure an article's link exists under its reserved code; idempotent, so re-ingest never adds a second link.</summary>
    public async Task<string> EnsureArticleLinkAsync(string code, string url, string title, string articleId, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(code, cancellationToken);
        if (existing is not null)
        {
            if (existing.ArticleId == articleId)
            {
                return code;
            }

            // The reserved code went to someone else in between: take a fresh one.
            return (await AddWithGeneratedCodeAsync(url, title, articleId, cancellationToken)).Code;
        }

        if (await store.TryAddAsync(NewLink(code, url, title, articleId), cancellationToken))
        {
            return code;
        }

        // Lost a race for the same code: if the winner is this article (a concurrent ingest), that is fine.
        existing = await store.GetAsync(code, cancellationToken);
        return existing?.ArticleId == articleId
            ? code
            : (await AddWithGeneratedCodeAsync(url, title, articleId, cancellationToken)).Code;
    }

    public Task<ShortLink?> ResolveAsync(string code, CancellationToken cancellationToken) =>
        CheckCode(code) is null ? store.GetAsync(code, cancellationToken) : Task.FromResult<ShortLink?>(null);

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

    private async Task<ShortLink> AddWithGeneratedCodeAsync(string url, string? title, string? articleId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Longer codes after repeated collisions keep the loop bounded even in a crowded code space.
            var link = NewLink(ShortCodeGenerator.Next(ShortCodeGenerator.DefaultLength + attempt / 4), url, title, articleId);
            if (await store.TryAddAsync(link, cancellationToken))
            {
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

    [GeneratedRegex("^[A-Za-z0-9_-]{3,32}$")]
    private static partial Regex CodeRegex();
}
