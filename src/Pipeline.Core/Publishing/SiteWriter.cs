using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pipeline.Core.Publishing;

/// <summary>
/// Writes files to the site only when they differ from what is stored (bytes, type, cache and status), so a re-render
/// that produces the same page uploads nothing and CDN and browser caches stay valid. One writer serves one render or
/// rebuild: it remembers what it wrote and how long storage took. Safe to use from parallel tasks.
/// </summary>
/// <param name="known">What the store held when the work started (a rebuild lists the site once); null to ask per file.</param>
public sealed class SiteWriter(ISiteStore store, IReadOnlyDictionary<string, SiteFileInfo>? known = null)
{
    private readonly ConcurrentDictionary<string, bool> _produced = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _written = new();
    private readonly ConcurrentQueue<string> _deleted = new();
    private long _storageTicks;

    /// <summary>Paths written (changed or new), in the order they were written.</summary>
    public IReadOnlyCollection<string> Written => _written;

    /// <summary>Paths deleted.</summary>
    public IReadOnlyCollection<string> Deleted => _deleted;

    /// <summary>Every path this writer was given, written or found unchanged.</summary>
    public ICollection<string> Produced => _produced.Keys;

    /// <summary>Files that were already stored exactly as rendered.</summary>
    public int Unchanged => _produced.Count - _written.Count;

    /// <summary>Time spent waiting for storage, summed over parallel calls.</summary>
    public TimeSpan StorageTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storageTicks));

    /// <summary>Writes the file unless the store already holds exactly it; true when it wrote.</summary>
    /// <param name="surelyChanged">The caller knows the stored file (if any) is out of date, so it is written without looking.</param>
    public async Task<bool> WriteAsync(SiteFile file, CancellationToken cancellationToken, bool surelyChanged = false)
    {
        _produced[file.Path] = true;
        var md5 = file.ContentMd5;
        var wrote = await TimedAsync(async () =>
        {
            var stored = surelyChanged ? null
                : known is not null ? known.GetValueOrDefault(file.Path)
                : store.LastWritten(file.Path) is { } mine && !mine.Matches(file, md5) ? null
                : await store.GetInfoAsync(file.Path, cancellationToken);
            if (stored is not null && stored.Matches(file, md5))
            {
                return false;
            }

            await store.WriteAsync(file, cancellationToken);
            return true;
        });
        if (wrote)
        {
            _written.Enqueue(file.Path);
        }

        return wrote;
    }

    public async Task WriteAllAsync(IEnumerable<SiteFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await WriteAsync(file, cancellationToken);
        }
    }

    /// <summary>True when the store holds a file at <paramref name="path"/> (or this writer produced one).</summary>
    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken)
    {
        if (_produced.ContainsKey(path))
        {
            return true;
        }

        return known is null ? await TimedAsync(() => store.GetInfoAsync(path, cancellationToken)) is not null : known.ContainsKey(path);
    }

    /// <summary>Deletes a file that is no longer produced; a no-op when it is not stored.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (known is not null && !known.ContainsKey(path))
        {
            return;
        }

        await TimedAsync(async () =>
        {
            await store.DeleteAsync(path, cancellationToken);
            return true;
        });
        _deleted.Enqueue(path);
    }

    /// <summary>Lists stored files, timed as storage work.</summary>
    public Task<IReadOnlyList<SiteFileInfo>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        TimedAsync(() => store.ListAsync(prefix, cancellationToken));

    private async Task<T> TimedAsync<T>(Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Interlocked.Add(ref _storageTicks, Stopwatch.GetTimestamp() - start);
        }
    }
}
