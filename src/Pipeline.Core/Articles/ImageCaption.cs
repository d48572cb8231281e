namespace Pipeline.Core.Articles;

/// <summary>One picture's caption and the credit that closed it (without parentheses); either may be missing.</summary>
public sealed record ImageCaption(string? Caption, string? Credit);
