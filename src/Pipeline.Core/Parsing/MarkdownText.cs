namespace Pipeline.Core.Parsing;

/// <summary>What a Markdown body holds for an article: plain paragraphs, an opening heading, the first image, and what was left out.</summary>
internal sealed record MarkdownText(List<string> Paragraphs, string? Heading, int DroppedHtml, string? ImageUrl)
{
    /// <summary>The editor's warning about raw HTML, when some was left out.</summary>
    public string? Warning => DroppedHtml > 0 ? $"{DroppedHtml} block(s) of raw HTML were left out: write the text as Markdown" : null;
}
