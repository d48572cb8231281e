using System.Text.Json;
using Pipeline.Core.Text;

namespace Pipeline.Core.Publishing;

/// <summary>
/// The sections that have published articles, for the header's navigation: kept in the site as
/// <c>sections.json</c>, read at most every <see cref="Freshness"/> per instance. The listing refresh notes each
/// section it writes; a section that appears or empties changes every page's header, so the caller then queues a
/// rebuild (rare: a desk adds a section a few times a year).
/// </summary>
public sealed class SectionDirectory(ISiteStore site, TimeProvider clock)
{
    public const string Path = "sections.json";

    /// <summary>How long an instance trusts the list it read; another instance's change reaches its pages within this.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    // A refresh writes its listings concurrently, so two sections can be noted at once: their read-modify-write of
    // the one file is serialised here (across instances the refresh lock already allows one refresh at a time).
    private readonly SemaphoreSlim _writing = new(1, 1);

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<string>> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < Freshness)
        {
            return snapshot.Sections;
        }

        return (await ReadAsync(cancellationToken)).Sections;
    }

    /// <summary>
    /// Records whether <paramref name="section"/> has articles; true when that changed what the header shows (it names
    /// the sections only when there are two or more, so a site's first section changes no page).
    /// </summary>
    public async Task<bool> NoteAsync(string section, bool hasArticles, CancellationToken cancellationToken)
    {
        if (_snapshot is { } known && known.Sections.Contains(section) == hasArticles)
        {
            return false;
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            var current = await ReadAsync(cancellationToken);
            if (current.Sections.Contains(section) == hasArticles)
            {
                return false;
            }

            IReadOnlyList<string> next = hasArticles ? [.. current.Sections, section] : current.Sections.Where(s => s != section).ToList();
            await site.WriteAsync(File(next), cancellationToken);
            Remember(next);
            return current.Sections.Count > 1 || next.Count > 1;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The site file of a section list (the rebuild writes it with the rest of the site).</summary>
    public static SiteFile File(IReadOnlyList<string> sections) =>
        new(Path, JsonSerializer.SerializeToUtf8Bytes(new { sections = Sorted(sections) }), SiteFile.Json, SiteFile.IndexCache);

    /// <summary>Takes <paramref name="sections"/> as the current list once its file is written.</summary>
    public void Remember(IReadOnlyList<string> sections) => _snapshot = new Snapshot(Sorted(sections), clock.GetUtcNow());

    private static List<string> Sorted(IEnumerable<string> sections) => sections.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var bytes = await site.ReadAsync(Path, cancellationToken);
        List<string> sections = [];
        if (bytes is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                sections = document.RootElement.GetProperty("sections").EnumerateArray()
                    .Select(e => e.GetString()).OfType<string>().Select(Slug.From).Where(s => s.Length > 0).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                // A damaged file reads as no sections; the next rebuild writes it again.
            }
        }

        var snapshot = new Snapshot(sections, clock.GetUtcNow());
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyList<string> Sections, DateTimeOffset ReadAt);
}
