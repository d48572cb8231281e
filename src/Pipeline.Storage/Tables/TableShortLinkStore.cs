using Azure;
using Pipeline.Core.Links;

namespace Pipeline.Storage.Tables;

/// <summary>Short links in Table Storage; insert-if-absent makes code allocation atomic.</summary>
internal sealed class TableShortLinkStore(StorageClients clients) : IShortLinkStore
{
    public async Task<bool> TryAddAsync(ShortLink link, CancellationToken cancellationToken)
    {
        var entity = new ShortLinkEntity
        {
            PartitionKey = Key(link.Code),
            Code = link.Code,
            Url = link.Url,
            Title = link.Title,
            ArticleId = link.ArticleId,
            CreatedAt = link.CreatedAt,
        };
        EntityLimits.Check(entity.Url, entity.Title);
        try
        {
            await clients.ShortLinks.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<ShortLink?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var response = await clients.ShortLinks.GetEntityIfExistsAsync<ShortLinkEntity>(Key(code), ShortLinkEntity.Row, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return new ShortLink { Code = e.Code, Url = e.Url, Title = e.Title, ArticleId = e.ArticleId, CreatedAt = e.CreatedAt };
    }

    private static string Key(string code) => TableKeys.Check(code.ToLowerInvariant());
}
