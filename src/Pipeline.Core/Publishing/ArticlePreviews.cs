using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;
using Pipeline.Core.Rendering;

namespace Pipeline.Core.Publishing;

/// <summary>Rendered previews, kept for a short time under an unguessable token.</summary>
public interface IPreviewStore
{
    Task SaveAsync(string token, string html, CancellationToken cancellationToken);

    /// <summary>The preview and when it was made; null when there is none.</summary>
    Task<(string Html, DateTimeOffset CreatedAt)?> GetAsync(string token, CancellationToken cancellationToken);

    Task DeleteAsync(string token, CancellationToken cancellationToken);
}

/// <summary>
/// An article's page as it would be published, before it is: an editor reviewing a held article opens it in a new
/// tab. The page is rendered by the same template into storage the public cannot read, under a random 128-bit token,
/// and served for <see cref="Lifetime"/> by an anonymous route (a browser tab cannot send the management key), with a
/// policy that lets it load the site's styles and pictures and nothing else: no script runs in a preview.
/// </summary>
public sealed class ArticlePreviews(IArticleStore articles, ThemeProvider themes, PageRenderer pages, ShortLinkService links,
    IPreviewStore store, IOptions<PipelineOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const int TokenLength = 32;

    /// <summary>Styles, fonts and pictures from the site, pictures from anywhere https (hotlinked ones); nothing else.</summary>
    public string ContentSecurityPolicy { get; } = PolicyFor(options.Value.SiteBaseUrl);

    private static string PolicyFor(Uri siteBaseUrl)
    {
        var site = siteBaseUrl.GetLeftPart(UriPartial.Authority);
        return $"default-src 'none'; style-src {site}; font-src {site}; img-src {site} https: data:; base-uri {site}; form-action 'none'; frame-ancestors 'none'";
    }

    /// <summary>Renders the preview; null when the article or its content does not exist.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)?> CreateAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIds.IsValidExplicit(id) || await articles.GetAsync(id, cancellationToken) is not { } record
            || await articles.GetContentAsync(id, record.ContentHash, cancellationToken) is not { } content)
        {
            return null;
        }

        var theme = await themes.CurrentAsync(cancellationToken);
        var html = pages.RenderPreview(theme, record, content, links.ShortUrl(record.ShortCode), ContentSecurityPolicy);
        var token = RandomNumberGenerator.GetHexString(TokenLength, lowercase: true);
        await store.SaveAsync(token, html, cancellationToken);
        return (token, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>The preview's page while it is fresh; null for an unknown, malformed or expired token (an expired one is deleted).</summary>
    public async Task<string?> GetAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != TokenLength || !token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return null;
        }

        if (await store.GetAsync(token, cancellationToken) is not { } found)
        {
            return null;
        }

        if (clock.GetUtcNow() - found.CreatedAt > Lifetime)
        {
            await store.DeleteAsync(token, cancellationToken);
            return null;
        }

        return found.Html;
    }
}
