using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Articles;
using Pipeline.Core.Links;

namespace Pipeline.Storage.Tables;

/// <summary>
/// Short links in Table Storage: one partition per code holds the link row and its click rows; listing rows live in
/// <c>~</c> partitions. Insert-if-absent makes code allocation atomic; ETags make edits and click merges safe.
/// </summary>
internal sealed class TableShortLinkStore(StorageClients clients) : IShortLinkStore
{
    private const int MaxMergeAttempts = 20;

    public async Task<bool> TryAddAsync(ShortLink link, CancellationToken cancellationToken, bool listed = true)
    {
        var entity = ToEntity(link);
        EntityLimits.Check(entity.Url, entity.Title, entity.ExpiredUrl, entity.Tags);

        // Listing rows first: one left behind by a failed insert points at a link that does not match it, and
        // ListAsync skips it; a link whose listing rows were never written would be missing from listings. (Unless
        // the caller lists the links afterwards, and repeats that when it is retried.)
        var index = listed ? IndexRows(link).ToList() : [];
        foreach (var row in index)
        {
            await clients.ShortLinks.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        try
        {
            await clients.ShortLinks.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            foreach (var row in index)
            {
                await clients.ShortLinks.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }

            return false;
        }
    }

    public async Task ListAsync(IReadOnlyCollection<ShortLink> links, CancellationToken cancellationToken) =>
        await clients.ShortLinks.UpsertAsync(links.SelectMany(IndexRows), cancellationToken);

    public async Task<ShortLink?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var response = await clients.ShortLinks.GetEntityIfExistsAsync<ShortLinkEntity>(Key(code), ShortLinkEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? ToLink(response.Value!) : null;
    }

    public async Task<bool> TryReplaceAsync(ShortLink link, CancellationToken cancellationToken)
    {
        var etag = link.ETag ?? throw new ArgumentException("only a link read from the store can be replaced", nameof(link));
        var entity = ToEntity(link);
        EntityLimits.Check(entity.Url, entity.Title, entity.ExpiredUrl, entity.Tags);
        try
        {
            await clients.ShortLinks.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<ShortLinkPage> ListAsync(string? tag, int top, string? continuation, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Check(tag is null ? ShortLinkIndexEntity.AllPartition : ShortLinkIndexEntity.TagPartition(tag));
        var pages = clients.ShortLinks.QueryAsync<ShortLinkIndexEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: top, cancellationToken: cancellationToken)
            .AsPages(continuation, top);
        Page<ShortLinkIndexEntity>? page = null;
        try
        {
            await foreach (var first in pages)
            {
                page = first;
                break;
            }
        }
        catch (Exception ex) when (continuation is not null && ex is RequestFailedException { Status: 400 } or FormatException or IndexOutOfRangeException)
        {
            throw new ArgumentException("the continuation token is not one this listing gave out", nameof(continuation), ex);
        }

        if (page is null)
        {
            return new ShortLinkPage([], null);
        }

        var rows = page.Values;
        var links = await Task.WhenAll(rows.Select(r => GetAsync(r.Code, cancellationToken)));
        var listed = links
            .Zip(rows)
            .Where(p => p.First is { } link && link.CreatedAt == p.Second.CreatedAt && (tag is null || link.Tags.Contains(tag)))
            .Select(p => p.First!)
            .DistinctBy(l => l.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ShortLinkPage(listed, page.ContinuationToken);
    }

    public async Task AddClicksAsync(ClickDelta delta, CancellationToken cancellationToken)
    {
        var partition = Key(delta.Code);
        var row = ClickEntity.RowFor(delta.Day);
        await ConflictRetry.RunAsync(async _ =>
        {
            var stored = await clients.ShortLinks.GetEntityIfExistsAsync<ClickEntity>(partition, row, cancellationToken: cancellationToken);
            try
            {
                if (!stored.HasValue)
                {
                    await clients.ShortLinks.AddEntityAsync(
                        new ClickEntity { PartitionKey = partition, RowKey = row, Clicks = delta.Clicks, Bots = delta.Bots }, cancellationToken);
                }
                else
                {
                    var entity = stored.Value!;
                    entity.Clicks += delta.Clicks;
                    entity.Bots += delta.Bots;
                    await clients.ShortLinks.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance added to this day in between: read its sum and add ours to that.
                throw new ConcurrencyException($"clicks of {delta.Code} on {delta.Day} could not be merged after {MaxMergeAttempts} attempts", ex);
            }
        }, MaxMergeAttempts, cancellationToken);
    }

    public async Task<ClickTotals> GetClicksAsync(string code, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(code)} and RowKey ge {ClickEntity.RowPrefix} and RowKey lt {ClickEntity.RowEnd}");
        var days = new List<ClickDay>();
        await foreach (var e in clients.ShortLinks.QueryAsync<ClickEntity>(filter, cancellationToken: cancellationToken))
        {
            days.Add(new ClickDay(ClickEntity.DayOf(e.RowKey), e.Clicks, e.Bots));
        }

        return ClickTotals.From(days);
    }

    private static IEnumerable<ShortLinkIndexEntity> IndexRows(ShortLink link)
    {
        var row = ShortLinkIndexEntity.RowFor(link.CreatedAt, Key(link.Code));
        foreach (var partition in link.Tags.Select(ShortLinkIndexEntity.TagPartition).Prepend(ShortLinkIndexEntity.AllPartition))
        {
            yield return new ShortLinkIndexEntity { PartitionKey = TableKeys.Check(partition), RowKey = row, Code = link.Code, CreatedAt = link.CreatedAt };
        }
    }

    private static ShortLinkEntity ToEntity(ShortLink link) => new()
    {
        PartitionKey = Key(link.Code),
        Code = link.Code,
        Url = link.Url,
        Title = link.Title,
        ArticleId = link.ArticleId,
        Tags = link.Tags.Count == 0 ? null : string.Join('|', link.Tags),
        ExpiresAt = link.ExpiresAt,
        ExpiredUrl = link.ExpiredUrl,
        PassQuery = link.PassQuery ? null : false,
        CreatedAt = link.CreatedAt,
        UpdatedAt = link.UpdatedAt,
        ArchivedAt = link.ArchivedAt,
    };

    private static ShortLink ToLink(ShortLinkEntity e) => new()
    {
        Code = e.Code,
        Url = e.Url,
        Title = e.Title,
        ArticleId = e.ArticleId,
        Tags = string.IsNullOrEmpty(e.Tags) ? [] : e.Tags.Split('|'),
        ExpiresAt = e.ExpiresAt,
        ExpiredUrl = e.ExpiredUrl,
        PassQuery = e.PassQuery ?? true,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        ArchivedAt = e.ArchivedAt,
        ETag = e.ETag.ToString(),
    };

    private static string Key(string code) => TableKeys.Check(code.ToLowerInvariant());
}
