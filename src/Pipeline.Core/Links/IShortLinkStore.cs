namespace Pipeline.Core.Links;

/// <summary>Persistence of short links, keyed case-insensitively by code.</summary>
public interface IShortLinkStore
{
    /// <summary>Inserts the link only if its code is free; false when the code is taken. Atomic: no read-then-write.</summary>
    Task<bool> TryAddAsync(ShortLink link, CancellationToken cancellationToken);

    Task<ShortLink?> GetAsync(string code, CancellationToken cancellationToken);
}
