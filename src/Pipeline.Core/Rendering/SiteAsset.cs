namespace Pipeline.Core.Rendering;

/// <summary>A static file of the theme (stylesheet, script, image) with a short hash of its content for cache-busting links.</summary>
public sealed record SiteAsset(string Name, ReadOnlyMemory<byte> Content, string ContentType, string Version);
