namespace Pipeline.Core.Rendering;

/// <summary>Theme files an operator put in place of the embedded ones, by file name (<c>article.liquid</c>, <c>style.css</c>).</summary>
/// <param name="Version">Changes whenever any override changes; empty when there are none.</param>
public sealed record TemplateOverrides(string Version, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Files)
{
    public static TemplateOverrides None { get; } = new(string.Empty, new Dictionary<string, ReadOnlyMemory<byte>>());
}
