using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Publishing;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Site;

/// <summary>Reading the rendered site back from its container, and parsing its pages the way a strict HTML5 parser does.</summary>
internal static partial class SiteFiles
{
    public static readonly Uri SiteBase = new("http://127.0.0.1:8080/");

    /// <summary>Every blob of the site: path → (properties, text).</summary>
    public static async Task<Dictionary<string, (BlobItemProperties Properties, IDictionary<string, string> Metadata, string Text)>> ReadAllAsync(BlobContainerClient site)
    {
        var files = new Dictionary<string, (BlobItemProperties, IDictionary<string, string>, string)>(StringComparer.Ordinal);
        await foreach (var blob in site.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, CancellationToken.None))
        {
            var text = (await site.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            files[blob.Name] = (blob.Properties, blob.Metadata, text);
        }

        return files;
    }

    /// <summary>The ETag of every blob, to tell afterwards which were written.</summary>
    public static async Task<Dictionary<string, string>> ETagsAsync(BlobContainerClient site)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in site.GetBlobsAsync())
        {
            etags[blob.Name] = blob.Properties.ETag.ToString()!;
        }

        return etags;
    }

    /// <summary>Paths whose blob is new or has another ETag than before.</summary>
    public static IReadOnlyList<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var etag) || etag != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Parses with AngleSharp in strict mode: any HTML5 parse error throws, so a page that parses is well formed.</summary>
    public static IHtmlDocument ParseStrict(string html) => new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);

    public static bool IsArticlePage(string path) => ArticlePath().IsMatch(path);

    public static async Task<PipelineServices> SeededSiteAsync(AzuriteFixture azurite, int count, Dictionary<string, string?>? settings = null)
    {
        var services = await PipelineServices.CreateAsync(azurite, settings: settings);
        await SiteSeed.SeedAsync(services.Get<Core.Articles.IArticleStore>(), count, DateTimeOffset.UtcNow.AddMinutes(-5));
        await services.Get<SiteRebuilder>().RebuildAsync(null, CancellationToken.None);
        return services;
    }

    [GeneratedRegex(@"^\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")]
    private static partial Regex ArticlePath();
}
