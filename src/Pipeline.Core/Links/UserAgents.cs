using System.Buffers;

namespace Pipeline.Core.Links;

/// <summary>Tells bots and link-preview crawlers from people by User-Agent, so previews do not inflate click figures.</summary>
public static class UserAgents
{
    // Chat apps and social sites fetch a link to draw its preview card the moment it is pasted; none of that is a reader.
    private static readonly SearchValues<string> BotMarkers = SearchValues.Create(
    [
        "bot", "crawl", "spider", "slurp", "preview", "facebookexternalhit", "facebookcatalog", "meta-externalagent",
        "whatsapp", "telegram", "slack", "discord", "skypeuri", "embedly", "iframely", "pinterest", "vkshare", "w3c_validator",
        "curl/", "wget/", "python-requests", "python-urllib", "go-http-client", "java/", "okhttp", "headlesschrome", "lighthouse",
        "monitor", "uptime", "scanner", "httpclient", "axios/", "node-fetch", "libwww", "feedfetcher", "mastodon", "bluesky",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>True for crawlers, preview fetchers, scripts, and requests that send no User-Agent at all.</summary>
    public static bool IsBot(ReadOnlySpan<char> userAgent) => userAgent.IsWhiteSpace() || userAgent.ContainsAny(BotMarkers);
}
