namespace Pipeline.Core.Links;

/// <summary>Per-item outcomes of a bulk create, in request order; each item is created whole or not at all.</summary>
public sealed record ShortLinkBatch(IReadOnlyList<LinkResult<ShortLink>> Items)
{
    public const int MaxItems = 100;
}
