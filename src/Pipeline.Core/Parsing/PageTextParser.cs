using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>
/// Reads text copied from published news pages (ARTICLE-FORMAT.md §1): no markup, structure carried by line
/// order and a few fixed words. One file may hold several articles; every element may be missing or repeated.
/// </summary>
public sealed partial class PageTextParser : IArticleParser
{
    // How far (in non-blank lines) a repeated headline may sit below its first occurrence.
    private const int HeaderWindow = 12;
    private const int MaxHeadlineLength = 300;

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text"];

    public bool Sniff(ReadOnlySpan<byte> head) => TextDecoding.TryDecode(head, out _) is not null;

    public ParseResult Parse(ReadOnlyMemory<byte> content, ParseContext context)
    {
        var text = TextDecoding.TryDecode(content.Span, out var reason);
        return text is null ? ParseResult.Failed(reason!) : ParseText(text, context);
    }

    /// <summary>Parses already-decoded page text.</summary>
    public ParseResult ParseText(string text, ParseContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult.Failed("the file is empty");
        }

        var lines = Line.Split(text);
        var starts = FindArticleStarts(lines);
        var articles = new List<ParsedArticle>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : lines.Length;
            var article = ReadArticle(lines, starts[i], end, context);
            if (article is not null)
            {
                articles.Add(article);
            }
        }

        return ParseResult.Of(articles);
    }

    private readonly record struct Start(int Index, bool Repeated);

    /// <summary>
    /// An article starts at a headline that repeats a few lines further down with header words (caption,
    /// <c>Short Url</c>, <c>Updated</c>, <c>Follow</c>) between; failing that, at a line just above an <c>Updated</c> line.
    /// </summary>
    private static List<Start> FindArticleStarts(Line[] lines)
    {
        var starts = new List<Start>();
        var i = 0;
        while (i < lines.Length)
        {
            if (IsHeadlineCandidate(lines[i]) && FindRepeat(lines, i) is { } repeat)
            {
                starts.Add(new Start(i, true));
                i = repeat + 1;
                continue;
            }

            i++;
        }

        // Articles whose page did not repeat the headline: a headline (and maybe a caption) right above "Updated".
        var weak = new List<Start>();
        var next = 0;
        for (var k = 0; k < lines.Length; k++)
        {
            while (next < starts.Count && starts[next].Index <= k)
            {
                next++;
            }

            if (!lines[k].IsUpdated || IsInsideHeader(lines, starts, next, k))
            {
                continue;
            }

            var headline = WeakHeadlineAbove(lines, k);
            if (headline >= 0 && (starts.Count == 0 || !starts.Exists(s => s.Index == headline)))
            {
                weak.Add(new Start(headline, false));
            }
        }

        if (weak.Count > 0)
        {
            starts.AddRange(weak);
            starts.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        if (starts.Count == 0)
        {
            // No header at all: a bare article, headline first.
            var first = Array.FindIndex(lines, l => !l.IsBlank && !l.IsJunk);
            if (first >= 0)
            {
                starts.Add(new Start(first, false));
            }
        }

        return starts;
    }

    private static bool IsInsideHeader(Line[] lines, List<Start> starts, int nextStart, int k)
    {
        // Is line k part of the header of the strong start just before it (between headline and its repeat, or the trailer)?
        if (nextStart == 0)
        {
            return false;
        }

        var s = starts[nextStart - 1];
        var nonBlank = 0;
        for (var j = s.Index; j < k; j++)
        {
            if (!lines[j].IsBlank && ++nonBlank > HeaderWindow + 8)
            {
                return false;
            }
        }

        // Within the header window: only a body paragraph between the start and k would end the header.
        for (var j = s.Index + 1; j < k; j++)
        {
            if (!lines[j].IsBlank && IsBodyLike(lines[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static int WeakHeadlineAbove(Line[] lines, int updated)
    {
        var above = new List<int>(2);
        for (var j = updated - 1; j >= 0 && above.Count < 3; j--)
        {
            if (lines[j].IsBlank)
            {
                continue;
            }

            if (lines[j].IsShortUrl || lines[j].IsUrl)
            {
                continue;
            }

            above.Add(j);
        }

        if (above.Count == 0 || !IsHeadlineCandidate(lines[above[0]]))
        {
            return -1;
        }

        // The line right above may be the caption (ends with a credit or a full stop); the headline is then above it.
        var candidate = above[0];
        if (above.Count > 1 && LooksLikeCaption(lines[above[0]].Text) && IsHeadlineCandidate(lines[above[1]]) && !IsBodyLike(lines[above[1]]))
        {
            candidate = above[1];
        }

        return IsBodyLike(lines[candidate]) ? -1 : candidate;
    }

    private static bool LooksLikeCaption(string text) =>
        text.EndsWith(')') || text.EndsWith('.') || text.Length > 160;

    private static int? FindRepeat(Line[] lines, int start)
    {
        var headline = lines[start].Text;
        var nonBlank = 0;
        var sawHeaderWord = false;
        int? immediate = null;
        for (var j = start + 1; j < lines.Length && nonBlank < HeaderWindow; j++)
        {
            var line = lines[j];
            if (line.IsBlank)
            {
                continue;
            }

            nonBlank++;
            if (line.IsShortUrl || line.IsUpdated || line.IsFollow)
            {
                sawHeaderWord = true;
                continue;
            }

            if (line.Text.Length == headline.Length && line.Text == headline)
            {
                if (sawHeaderWord)
                {
                    return j;
                }

                immediate ??= j;
                continue;
            }

            if (line.IsBullet || (IsBodyLike(line) && !sawHeaderWord && nonBlank > 2))
            {
                break;
            }
        }

        return null;
    }

    private static bool IsHeadlineCandidate(Line line) =>
        !line.IsBlank && !line.IsBullet && !line.IsShortUrl && !line.IsUpdated && !line.IsFollow && !line.IsUrl
        && line.Text.Length <= MaxHeadlineLength && !line.IsJunk;

    /// <summary>A line that reads like running text: long, or ending a sentence.</summary>
    private static bool IsBodyLike(Line line)
    {
        var t = line.Text;
        return t.Length > 200 || (t.Length > 0 && (t[^1] is '.' or '?' or '!' or '”' or '"' or '’') && CountWords(t) > 12);
    }

    private static ParsedArticle? ReadArticle(Line[] lines, Start start, int end, ParseContext context)
    {
        var warnings = new List<string>();
        var headline = lines[start.Index].Text;
        string? caption = null, credit = null, shortUrl = null, updatedText = null, byline = null, edition = null;
        DateTimeOffset? published = null;
        var i = start.Index + 1;

        // Header: caption, Short Url (+ link), Updated, Follow, until the headline repeats (or the header words stop).
        var expectLink = false;
        var lastHeaderLine = start.Index;
        for (var j = i; j < end; j++)
        {
            var line = lines[j];
            if (line.IsBlank)
            {
                continue;
            }

            if (line.Text == headline)
            {
                lastHeaderLine = j;
                if (start.Repeated && (caption is not null || updatedText is not null || shortUrl is not null || expectLink || SawHeaderWordBetween(lines, start.Index, j)))
                {
                    break;
                }

                continue;
            }

            if (line.IsShortUrl)
            {
                expectLink = true;
                lastHeaderLine = j;
                continue;
            }

            if (line.IsUrl && expectLink)
            {
                shortUrl = line.Text;
                expectLink = false;
                lastHeaderLine = j;
                continue;
            }

            if (line.IsUpdated)
            {
                updatedText ??= UpdatedValue(line.Text);
                lastHeaderLine = j;
                continue;
            }

            if (line.IsFollow)
            {
                lastHeaderLine = j;
                continue;
            }

            if (line.IsBullet || (!start.Repeated && updatedText is not null) || IsDateline(line.Text))
            {
                break;
            }

            var (captionText, captionCredit) = SplitCredit(line.Text);
            if (caption is null && credit is null)
            {
                caption = captionText;
                credit = captionCredit;
                lastHeaderLine = j;
            }
            else if (captionText == caption || captionText == (caption + " (" + credit + ")"))
            {
                lastHeaderLine = j;
            }
            else if (start.Repeated)
            {
                // Something else in the header (a second caption line): keep it with the caption rather than lose it.
                caption = caption is null ? captionText : caption + " " + captionText;
                credit ??= captionCredit;
                lastHeaderLine = j;
            }
            else
            {
                break;
            }
        }

        i = lastHeaderLine + 1;

        // Further repeats of the headline.
        while (i < end && (lines[i].IsBlank || lines[i].Text == headline))
        {
            i++;
        }

        // Summary bullets.
        var summary = new List<string>();
        while (i < end && (lines[i].IsBlank || lines[i].IsBullet))
        {
            if (lines[i].IsBullet)
            {
                summary.Add(lines[i].BulletText);
            }

            i++;
        }

        // Trailer: second Updated, edition, author in capitals, timestamp, Follow.
        for (; i < end; i++)
        {
            var line = lines[i];
            if (line.IsBlank || line.IsFollow)
            {
                continue;
            }

            if (line.IsUpdated)
            {
                updatedText ??= UpdatedValue(line.Text);
                continue;
            }

            if (line.IsShortUrl || (line.IsUrl && shortUrl is null && i > 0 && PreviousNonBlank(lines, i) is { IsShortUrl: true }))
            {
                if (line.IsUrl)
                {
                    shortUrl = line.Text;
                }

                continue;
            }

            if (TryParseTimestamp(line.Text, out var stamp))
            {
                published ??= stamp;
                continue;
            }

            if (!IsTrailerName(line.Text))
            {
                break;
            }

            var name = line.Text.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? line.Text[3..].Trim() : line.Text;
            if (IsAllCaps(name) || line.Text.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
            {
                byline = byline is null ? name : byline + ", " + name;
            }
            else if (edition is null)
            {
                edition = name;
            }
            else
            {
                byline ??= name;
            }
        }

        // Body: every non-blank line is a paragraph (page text has no hard wraps); breadcrumbs of the next page dropped.
        var last = end - 1;
        while (last >= i && (lines[last].IsBlank || lines[last].IsJunk || (lines[last].IsBullet && last + 1 >= end - 0 && IsTrailingBreadcrumb(lines, last, end))))
        {
            last--;
        }

        var paragraphs = new List<string>();
        for (var j = i; j <= last; j++)
        {
            if (!lines[j].IsBlank)
            {
                paragraphs.Add(lines[j].Text);
            }
        }

        if (paragraphs.Count == 0 && summary.Count == 0)
        {
            return null;
        }

        string? dateline = null;
        if (paragraphs.Count > 0 && SplitDateline(paragraphs[0]) is var (place, rest) && place is not null)
        {
            dateline = place;
            paragraphs[0] = rest!;
        }
        else
        {
            warnings.Add("no dateline found at the start of the body");
        }

        if (paragraphs.Count == 0)
        {
            warnings.Add("no body text: only the summary was found");
        }

        var (updated, approximate) = ResolveUpdated(updatedText, context.UploadedAt);
        if (updatedText is null)
        {
            warnings.Add("no Updated time found");
        }
        else if (updated is null)
        {
            warnings.Add($"Updated time \"{updatedText}\" could not be read");
        }
        else if (approximate)
        {
            warnings.Add($"updated time is relative (\"{updatedText}\"): resolved against the upload time, approximately");
        }

        return new ParsedArticle
        {
            Headline = headline,
            Caption = caption,
            ImageCredit = credit,
            OriginalShortUrl = shortUrl,
            UpdatedText = updatedText,
            Updated = updated,
            UpdatedIsApproximate = approximate,
            Published = published,
            Summary = summary,
            Byline = byline,
            Edition = edition,
            Dateline = dateline,
            Paragraphs = paragraphs,
            Warnings = warnings,
        };
    }

    private static bool IsTrailingBreadcrumb(Line[] lines, int index, int end)
    {
        // "• Home", "• <section>", "• <next headline>" just before the next article: breadcrumbs, not bullets.
        for (var j = index + 1; j < end; j++)
        {
            if (!lines[j].IsBlank && !lines[j].IsBullet && !lines[j].IsJunk)
            {
                return false;
            }
        }

        return end < lines.Length;
    }

    private static Line? PreviousNonBlank(Line[] lines, int index)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (!lines[j].IsBlank)
            {
                return lines[j];
            }
        }

        return null;
    }

    private static bool SawHeaderWordBetween(Line[] lines, int from, int to)
    {
        for (var j = from + 1; j < to; j++)
        {
            if (lines[j].IsShortUrl || lines[j].IsUpdated || lines[j].IsFollow)
            {
                return true;
            }
        }

        return false;
    }

    private static string UpdatedValue(string line) => line["Updated".Length..].Trim(' ', '\t', ':');

    /// <summary>Splits <c>Text of caption. (AFP/File)</c> into caption and credit.</summary>
    internal static (string? Caption, string? Credit) SplitCredit(string text)
    {
        var m = CreditRegex().Match(text);
        if (!m.Success)
        {
            return (text, null);
        }

        var caption = text[..m.Index].TrimEnd();
        return (caption.Length == 0 ? null : caption, m.Groups[1].Value.Trim());
    }

    /// <summary>Splits a leading dateline (<c>ISLAMABAD:</c>, <c>IRBIL, IRAQ:</c>, <c>LONDON, OCT 26:</c>) from a paragraph.</summary>
    internal static (string? Place, string? Remainder) SplitDateline(string paragraph)
    {
        var colon = paragraph.IndexOf(':');
        if (colon is < 2 or > 60)
        {
            return (null, null);
        }

        var m = DatelineRegex().Match(paragraph, 0, colon + 1);
        if (!m.Success)
        {
            return (null, null);
        }

        var rest = paragraph[(colon + 1)..].TrimStart();
        return rest.Length == 0 ? (null, null) : (paragraph[..colon].Trim(), rest);
    }

    private static bool IsDateline(string text) => SplitDateline(text).Place is not null;

    /// <summary>Resolves <c>22 June 2024</c> exactly and <c>18 min 33 sec ago</c> approximately against the upload time.</summary>
    internal static (DateTimeOffset? Value, bool Approximate) ResolveUpdated(string? text, DateTimeOffset uploadedAt)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        var relative = RelativeRegex().Match(text);
        if (relative.Success)
        {
            var ago = TimeSpan.Zero;
            foreach (Match part in RelativePartRegex().Matches(text))
            {
                var n = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
                ago += Unit(part.Groups[2].Value) * n;
            }

            return (uploadedAt - ago, true);
        }

        if (text.Equals("just now", StringComparison.OrdinalIgnoreCase))
        {
            return (uploadedAt, true);
        }

        return TryParseAbsolute(text, out var value) ? (value, false) : (null, false);
    }

    private static TimeSpan Unit(string unit) => char.ToLowerInvariant(unit[0]) switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' when unit.StartsWith("mo", StringComparison.OrdinalIgnoreCase) => TimeSpan.FromDays(30),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        'w' => TimeSpan.FromDays(7),
        'y' => TimeSpan.FromDays(365),
        _ => TimeSpan.Zero,
    };

    private static readonly string[] AbsoluteFormats =
    [
        "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM, yyyy",
        "d MMMM yyyy HH:mm", "d MMM yyyy HH:mm", "MMMM d, yyyy HH:mm", "MMM d, yyyy HH:mm",
        "d MMMM yyyy H:mm", "MMMM d, yyyy H:mm", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ssK",
    ];

    private static bool TryParseAbsolute(string text, out DateTimeOffset value)
    {
        var cleaned = text.Trim().TrimEnd('.');
        if (DateTimeOffset.TryParseExact(cleaned, AbsoluteFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            return true;
        }

        return false;
    }

    private static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Length <= 40 && text.Length > 0 && char.IsLetter(text[0]) && char.IsDigit(text[^1])
            && TimestampRegex().IsMatch(text) && TryParseAbsolute(text, out value);
    }

    private static bool IsTrailerName(string text)
    {
        if (text.Length > 60 || text.Length < 2 || text.Contains(':'))
        {
            return false;
        }

        var lastChar = text[^1];
        if (lastChar is '.' or '!' or '?' or ',' or ';' or '”' or '"' or '’' or ')')
        {
            return false;
        }

        return CountWords(text) <= 7 && !text.Any(char.IsDigit);
    }

    private static bool IsAllCaps(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    internal static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }

    [GeneratedRegex(@"\(([^()]{1,80})\)\s*$")]
    private static partial Regex CreditRegex();

    // Upper-case place, then up to three comma parts (country, state or date, any case): "IRBIL, IRAQ:", "HASAKEH, Syria:", "LONDON, OCT 26:".
    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu}\p{M}.'’\- ]*(?:,\s*[\p{L}\p{M}\d.'’\- ]+){0,3}:$")]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"^(?:\d+\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s*)+ago$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeRegex();

    [GeneratedRegex(@"(\d+)\s*(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePartRegex();

    [GeneratedRegex(@"^\p{L}+\.? \d{1,2},? \d{4}(?: \d{1,2}:\d{2})?$")]
    private static partial Regex TimestampRegex();
}
