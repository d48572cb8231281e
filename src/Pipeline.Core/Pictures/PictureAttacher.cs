using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Publishing;
using Pipeline.Core.Uploads;

namespace Pipeline.Core.Pictures;

/// <summary>
/// Finds the pictures uploaded beside an article file (<see cref="PictureFiles"/>), renders each one the first time
/// its bytes are seen (its renditions are named by content, so the same picture is never rendered twice), and records
/// in each picture's own upload status what became of it.
/// </summary>
public sealed class PictureAttacher(
    IUploadStore uploads,
    IUploadStatusStore statuses,
    ISiteStore site,
    PictureRenderer renderer,
    PictureFetcher fetcher,
    Microsoft.Extensions.Options.IOptions<PipelineOptions> options,
    TimeProvider clock,
    ILogger<PictureAttacher> logger)
{
    /// <summary>
    /// The working-memory budget again, for pictures on their own: an ingest already holds room in the articles' budget
    /// while it prepares its pictures, and waiting for more of the same budget could wait forever; a second pool,
    /// always entered after the first and never before, cannot. Room is taken before a picture's bytes are read and
    /// kept until its files are written.
    /// </summary>
    private readonly WorkingMemoryGate _memory = new(options);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<PictureRendering>>> _rendering = new(StringComparer.Ordinal);

    /// <summary>The names of the uploads that could belong with <paramref name="name"/>: one listing of the names sharing its stem.</summary>
    public Task<IReadOnlyList<string>> NeighboursAsync(string name, CancellationToken cancellationToken) =>
        uploads.ListNamesAsync(PictureFiles.StemOf(name), cancellationToken);

    /// <summary>
    /// The pictures of an article upload in page order, each rendered or with the reason it cannot be shown: those the
    /// file names (<paramref name="named"/>) first, then those found by name beside it.
    /// </summary>
    /// <param name="embedded">Pictures inside the file itself (a Word document's), which come first.</param>
    /// <param name="address">The lead picture's web address the file gives (<c>image: https://…</c>), fetched once; or null.</param>
    public async Task<IReadOnlyList<PictureUse>> PrepareAsync(
        string articleUpload, IReadOnlyList<string> named, IReadOnlyList<byte[]> embedded, Uri? address, CancellationToken cancellationToken)
    {
        var uses = new List<PictureUse>();
        if (address is not null && fetcher.Fetches(address))
        {
            uses.Add(await PrepareAddressAsync(address, cancellationToken));
        }

        for (var i = 0; i < embedded.Count && i < PictureFiles.MaxPerArticle; i++)
        {
            var use = await PrepareBytesAsync($"{articleUpload}, picture {i + 1}", embedded[i], cancellationToken);
            uses.Add(use with { Embedded = true });
        }

        var resolved = new List<string>(named.Count);
        foreach (var given in named)
        {
            var name = PictureFiles.Resolve(articleUpload, given);
            if (UploadNames.Check(name) is { } bad)
            {
                uses.Add(new PictureUse(given, null, [], $"the file names it, but it cannot be an upload: {bad}"));
            }
            else
            {
                resolved.Add(name);
            }
        }

        var names = resolved.Concat(PictureFiles.PicturesFor(articleUpload, await NeighboursAsync(articleUpload, cancellationToken))).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            if (uses.Count == PictureFiles.MaxPerArticle)
            {
                uses.Add(new PictureUse(name, null, [], $"an article shows at most {PictureFiles.MaxPerArticle} pictures"));
                continue;
            }

            if (await PrepareOneAsync(name, cancellationToken) is { } use)
            {
                uses.Add(use);
            }
            else if (resolved.Contains(name))
            {
                uses.Add(new PictureUse(name, null, [], $"the file names {name}, which is not uploaded yet; upload it and the article is published again with it", NotUploaded: true));
            }
        }

        return uses;
    }

    /// <summary>Reads a picture upload and checks its header: null when it is fine, else why it cannot be shown.</summary>
    public async Task<string?> CheckAsync(string name, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(name, cancellationToken);
        using (bytes.Room)
        {
            return bytes.Missing ? IngestResult.UploadMissing : bytes.Problem ?? PictureRenderer.Inspect(bytes.Content!).Problem;
        }
    }

    /// <summary>
    /// What a picture of <paramref name="length"/> bytes holds while it is prepared: its bytes, libvips' copy of them,
    /// and the decode, which measured about 40 MB for a 12.5 MB, 24-megapixel JPEG.
    /// </summary>
    public static long WorkingBytes(long length) => 2 * length + 16L * 1024 * 1024;

    /// <summary>
    /// The first article of an upload with its pictures; the other articles of a file of several keep none (the names
    /// cannot say which one a picture belongs to). Adds what the editor should know to <paramref name="warnings"/>.
    /// </summary>
    public static ParsedArticle AttachTo(ParsedArticle first, int articleCount, IReadOnlyList<PictureUse> uses, List<string> warnings)
    {
        foreach (var use in uses)
        {
            warnings.AddRange(use.Problem is { } problem
                ? [use.Fetched ? $"picture {use.Name} was not fetched, so the page links it as it is: {problem}" : $"picture {use.Name} is not shown: {problem}"]
                : use.Warnings.Select(w => $"picture {use.Name}: {w}"));
        }

        var shown = uses.Where(u => u.Picture is not null).Select(u => u.Picture!).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var caption = i == 0 ? first.ImageAlt ?? first.Caption ?? first.Gallery.FirstOrDefault()?.Caption : first.Gallery.ElementAtOrDefault(i)?.Caption;
            if (string.IsNullOrWhiteSpace(caption))
            {
                warnings.Add($"picture {shown[i].Source} has no caption, so its alt text is the headline; add a caption that says what it shows");
            }
        }

        if (articleCount > 1 && shown.Count > 0)
        {
            warnings.Add($"the file holds {articleCount} articles; its pictures go with the first, \"{first.Headline}\"");
        }

        return shown.Count == 0 && first.Pictures.Count == 0 ? first : first with { Pictures = shown };
    }

    /// <summary>
    /// Writes the status of each picture that has one of its own (an upload, or a web address; not one inside the file):
    /// shown with the article, waiting for its upload, or why not.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<PictureUse> uses, string articleUpload, string? articleId, CancellationToken cancellationToken)
    {
        foreach (var use in uses.Where(u => !u.Embedded && (u.Fetched || UploadNames.Check(u.Name) is null)))
        {
            var now = clock.GetUtcNow();
            var earlier = await statuses.GetAsync(use.Name, cancellationToken);
            await statuses.SetAsync(new UploadStatus
            {
                Name = use.Name,
                State = use.NotUploaded ? UploadState.Waiting : use.Picture is null ? UploadState.Failed : UploadState.Published,
                ArticleIds = use.Picture is null || articleId is null ? [] : [articleId],
                Reason = use.NotUploaded ? $"named by {articleUpload}; upload it and the article is published again with it"
                    : use.Problem is { } problem ? $"{problem}; {articleUpload} {(use.Fetched ? "links the address instead" : "is published without it")}"
                    : null,
                Warnings = use.Picture is null ? [] : use.Warnings,
                ShownWith = articleUpload,
                Picture = use.Fetched ? use.Picture?.Compact() : null,
                ReceivedAt = earlier?.ReceivedAt ?? now,
                UpdatedAt = now,
            }, cancellationToken);
        }
    }

    private async Task<PictureUse?> PrepareOneAsync(string name, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(name, cancellationToken);
        using var room = bytes.Room;
        if (bytes.Missing)
        {
            return null;
        }

        if (bytes.Problem is { } tooBig)
        {
            return new PictureUse(name, null, [], tooBig);
        }

        return await PrepareBytesAsync(name, bytes.Content!, cancellationToken);
    }

    private async Task<PictureUse> PrepareBytesAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        var header = PictureRenderer.Inspect(content);
        if (header.Problem is { } problem)
        {
            return new PictureUse(name, null, [], problem);
        }

        var key = PictureRenderer.KeyOf(content);
        if (await site.GetInfoAsync(PictureRenderer.CardPath(key), cancellationToken) is not null)
        {
            return new PictureUse(name, PictureRenderer.Describe(key, header, name), PictureRenderer.WarningsFor(header), null);
        }

        // A picture and its article uploaded together trigger two ingests of the article, each wanting the picture:
        // the second waits for the first one's render instead of making the same files again.
        var work = _rendering.GetOrAdd(key, k => new Lazy<Task<PictureRendering>>(() => RenderAndWriteAsync(name, k, content, header, cancellationToken)));
        PictureRendering rendering;
        try
        {
            rendering = await work.Value;
        }
        finally
        {
            _rendering.TryRemove(KeyValuePair.Create(key, work));
        }

        return rendering.Problem is { } failed
            ? new PictureUse(name, null, [], failed)
            : new PictureUse(name, PictureRenderer.Describe(key, header, name), rendering.Warnings, null);
    }

    private async Task<PictureRendering> RenderAndWriteAsync(string name, string key, byte[] content, PictureHeader header, CancellationToken cancellationToken)
    {
        var rendering = await renderer.RenderAsync(content, cancellationToken, header);
        if (rendering.Problem is not null)
        {
            return rendering;
        }

        // The card last: its presence is what says the picture's files are all there.
        await Task.WhenAll(rendering.Files.Where(f => f.Path != PictureRenderer.CardPath(key)).Select(f => site.WriteAsync(f, cancellationToken)));
        await site.WriteAsync(rendering.Files.Single(f => f.Path == PictureRenderer.CardPath(key)), cancellationToken);
        logger.LogInformation("Rendered picture {Name} as {Key}: {Count} files, {Bytes} bytes", name, key, rendering.Files.Count, rendering.Files.Sum(f => f.Content.Length));
        return rendering with { Files = [] };
    }

    /// <summary>A picture by web address: its renditions from the last fetch when they are all there, else fetched now.</summary>
    private async Task<PictureUse> PrepareAddressAsync(Uri address, CancellationToken cancellationToken)
    {
        var name = address.AbsoluteUri;
        if ((await statuses.GetAsync(name, cancellationToken))?.Picture is { } compact && ArticlePicture.FromCompact(compact) is { } known
            && await site.GetInfoAsync(PictureRenderer.CardPath(known.Key), cancellationToken) is not null)
        {
            return new PictureUse(name, known with { Source = name }, [], null, Fetched: true);
        }

        var (bytes, problem) = await fetcher.FetchAsync(address, cancellationToken);
        if (bytes is null)
        {
            logger.LogInformation("Picture {Address} not fetched: {Problem}", name, problem);
            return new PictureUse(name, null, [], problem, Fetched: true);
        }

        using var room = await _memory.EnterAsync(WorkingBytes(bytes.Length), cancellationToken);
        return await PrepareBytesAsync(name, bytes, cancellationToken) with { Fetched = true };
    }

    /// <summary>A picture upload's bytes with the room they hold in the pictures' budget (the caller disposes it once done).</summary>
    private async Task<(byte[]? Content, string? Problem, bool Missing, IDisposable? Room)> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var upload = await uploads.OpenAsync(name, cancellationToken);
        if (upload is null)
        {
            return (null, null, true, null);
        }

        if (PictureRenderer.TooLarge(upload.Length) is { } tooLarge)
        {
            return (null, tooLarge, false, null);
        }

        var room = await _memory.EnterAsync(WorkingBytes(upload.Length), cancellationToken);
        try
        {
            var content = new byte[upload.Length];
            await upload.Content.ReadExactlyAsync(content, cancellationToken);
            return (content, null, false, room);
        }
        catch
        {
            room.Dispose();
            throw;
        }
    }
}

/// <summary>One picture beside an article: rendered, or why it is not shown.</summary>
/// <param name="NotUploaded">The article names it but there is no such upload yet.</param>
/// <param name="Embedded">Inside the article's own file (no upload of its own, so no status of its own).</param>
/// <param name="Fetched">From a web address the file gives.</param>
public sealed record PictureUse(
    string Name, ArticlePicture? Picture, IReadOnlyList<string> Warnings, string? Problem, bool NotUploaded = false, bool Embedded = false, bool Fetched = false);
