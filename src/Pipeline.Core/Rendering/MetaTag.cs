namespace Pipeline.Core.Rendering;

/// <summary>One <c>&lt;meta&gt;</c> tag: its property or name, and its content.</summary>
public sealed record MetaTag(string Key, string Content);
