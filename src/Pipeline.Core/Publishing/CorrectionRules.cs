using Pipeline.Core.Articles;

namespace Pipeline.Core.Publishing;

/// <summary>What an editor's corrections may hold: the same bounds an uploaded article's fields have.</summary>
public static class CorrectionRules
{
    public const int MaxHeadline = 300;
    public const int MaxLine = 2000;
    public const int MaxSummaryLines = 20;

    /// <summary>The corrections trimmed, or why they cannot be taken; a field given as empty text clears it (the headline cannot be cleared).</summary>
    public static (ArticleCorrections? Value, string? Error) Check(ArticleCorrections corrections)
    {
        if (corrections.Headline is { } headline && (headline.Trim().Length == 0 || headline.Trim().Length > MaxHeadline || HasControl(headline)))
        {
            return (null, $"headline must be 1 to {MaxHeadline} characters of text on one line");
        }

        foreach (var (name, value) in new[] { ("caption", corrections.Caption), ("credit", corrections.Credit), ("byline", corrections.Byline) })
        {
            if (value is not null && (value.Length > MaxLine || HasControl(value)))
            {
                return (null, $"{name} must be at most {MaxLine} characters on one line");
            }
        }

        if (corrections.Summary is { } summary
            && (summary.Count > MaxSummaryLines || summary.Any(line => line is null || line.Length > MaxLine || HasControl(line))))
        {
            return (null, $"summary must be a list of at most {MaxSummaryLines} lines of at most {MaxLine} characters");
        }

        return (corrections with
        {
            Headline = corrections.Headline?.Trim(),
            Caption = corrections.Caption?.Trim(),
            Credit = corrections.Credit?.Trim(),
            Byline = corrections.Byline?.Trim(),
            Summary = corrections.Summary?.Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
        }, null);
    }

    private static bool HasControl(string value) => value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 || value.Contains('\u007f');
}
