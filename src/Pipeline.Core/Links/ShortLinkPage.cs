namespace Pipeline.Core.Links;

/// <summary>One page of a link listing; <see cref="Continuation"/> fetches the next, null on the last page.</summary>
public sealed record ShortLinkPage(IReadOnlyList<ShortLink> Links, string? Continuation);
