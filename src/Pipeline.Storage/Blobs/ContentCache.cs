using Microsoft.Extensions.Caching.Memory;
using Pipeline.Core.Articles;

namespace Pipeline.Storage.Blobs;

/// <summary>
/// Article content this process wrote or read lately, by article and content hash. Content never changes under its
/// hash, so an entry can only be forgotten, never wrong: the render that follows an ingest on the same instance, and
/// the neighbour pages a listing refresh rewrites, take the content from here instead of downloading its blob again.
/// Bounded by characters held (about two bytes each); a very long article is not kept.
/// </summary>
internal sealed class ContentCache : IDisposable
{
    /// <summary>Characters kept at most: about 32 MB of text.</summary>
    public const long DefaultCharacters = 16L * 1024 * 1024;

    private readonly MemoryCache _entries;
    private readonly long _largest;

    public ContentCache(long characters = DefaultCharacters)
    {
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = characters, CompactionPercentage = 0.25 });
        _largest = characters / 16;
    }

    public bool TryGet(string id, string contentHash, out ParsedArticle? content) =>
        _entries.TryGetValue((id, contentHash), out content) && content is not null;

    public void Set(string id, string contentHash, ParsedArticle content)
    {
        var size = Characters(content);
        if (size <= _largest)
        {
            _entries.Set((id, contentHash), content, new MemoryCacheEntryOptions { Size = size });
        }
    }

    public void Dispose() => _entries.Dispose();

    /// <summary>The text an article holds, plus a little for the object itself, so many tiny articles still count.</summary>
    private static long Characters(ParsedArticle content) =>
        256 + content.Headline.Length
            + content.Paragraphs.Sum(p => (long)p.Length)
            + content.Summary.Sum(s => (long)s.Length)
            + (content.Caption?.Length ?? 0) + (content.Byline?.Length ?? 0) + (content.ImageUrl?.Length ?? 0)
            + content.Tags.Sum(t => (long)t.Length) + content.Warnings.Sum(w => (long)w.Length);
}
