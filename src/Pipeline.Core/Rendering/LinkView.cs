namespace Pipeline.Core.Rendering;

/// <summary>A link's text and address.</summary>
public sealed record LinkView(string Text, string Href);
