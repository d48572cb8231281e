using DiffPlex;
using DiffPlex.Chunkers;

namespace Pipeline.Core.Articles;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of text that both versions share, or that only the newer (added) or the older (removed) has.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>One field of an article compared word by word: its spans read in order give the older text without the added ones and the newer without the removed ones.</summary>
public sealed record FieldDiff(string Field, bool Changed, IReadOnlyList<DiffSpan> Spans);

/// <summary>
/// What changed between two versions of an article, field by field and word by word (DiffPlex's Myers diff over
/// words, punctuation and spaces), for an editor comparing versions at the desk.
/// </summary>
public static class ArticleDiff
{
    private static readonly (string Name, Func<ParsedArticle, string> Read)[] Fields =
    [
        ("headline", a => a.Headline),
        ("byline", a => a.Byline ?? string.Empty),
        ("summary", a => string.Join('\n', a.Summary)),
        ("dateline", a => a.Dateline ?? string.Empty),
        ("caption", a => a.Caption ?? string.Empty),
        ("credit", a => a.ImageCredit ?? string.Empty),
        ("body", a => string.Join("\n\n", a.Paragraphs)),
    ];

    public static IReadOnlyList<FieldDiff> Between(ParsedArticle older, ParsedArticle newer) =>
        Fields.Select(field =>
        {
            var spans = Words(field.Read(older), field.Read(newer));
            return new FieldDiff(field.Name, spans.Any(s => s.Kind != DiffKind.Same), spans);
        }).ToList();

    public static IReadOnlyList<DiffSpan> Words(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var spans = new List<DiffSpan>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(spans, DiffKind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(spans, DiffKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(spans, DiffKind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(spans, DiffKind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return spans;
    }

    /// <summary>Appends pieces as one span, joined to the last span when it is of the same kind.</summary>
    private static void Add(List<DiffSpan> spans, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (spans.Count > 0 && spans[^1].Kind == kind)
        {
            spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
        }
        else
        {
            spans.Add(new DiffSpan(kind, text));
        }
    }
}
