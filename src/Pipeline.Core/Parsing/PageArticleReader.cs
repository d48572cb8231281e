using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>
/// Finds the articles in classified page text and reads each one's fields (ARTICLE-FORMAT.md §1). Every look-ahead is
/// bounded by a small window, so the work is linear in the number of lines whatever the input.
/// </summary>
internal sealed class PageArticleReader(PageLines lines, ParseContext context)
{
    private const int MaxHeadlineLength = 300;

    // How many non-blank lines the header (caption, Short Url, link, Updated, Follow) may span before the headline repeats.
    private const int HeaderWindow = 10;

    private readonly PageLines _lines = lines;
    private readonly int _count = lines.Count;

    // For each line, the index of the first header word or bullet at or after it: lets the start test dismiss a
    // body paragraph in constant time, since no article starts without one of them close below its headline.
    private readonly int[] _nextChrome = NextChrome(lines);

    // An Updated line and a byline found between the end of one story and the next headline, for that headline.
    private (int Before, string? Updated, string? Byline)? _carried;

    private (int Before, string? Updated, string? Byline)? Carried(int from, int to)
    {
        string? updated = null, byline = null;
        for (var k = from; k < to; k++)
        {
            switch (_lines.Kind(k))
            {
                case LineKind.Updated:
                    updated ??= _lines.UpdatedValue(k);
                    break;
                case LineKind.Text when (k + 1 < to && _lines.SameText(k, k + 1)) || (k > from && _lines.SameText(k - 1, k)):
                    // A label printed twice ("Sudan Crisis") is the page's, not a byline.
                    break;
                case LineKind.Text when PageText.IsNameLine(_lines.Span(k)) && PageText.LooksLikeName(_lines.Span(k)):
                    byline ??= _lines.Text(k);
                    break;
                case LineKind.Text or LineKind.Bullet:
                    (updated, byline) = (null, null);
                    break;
            }
        }

        return updated is null && byline is null ? null : (to, updated, byline);
    }

    private static int[] NextChrome(PageLines lines)
    {
        var next = new int[lines.Count + 1];
        next[lines.Count] = int.MaxValue;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            next[i] = lines[i].IsHeaderWord || lines.Kind(i) == LineKind.Bullet ? i : next[i + 1];
        }

        return next;
    }

    public ParseResult ReadAll()
    {
        var warnings = new List<string>();
        var articles = new List<ParsedArticle>();
        var start = FindStart(0);
        if (start < 0)
        {
            // No header anywhere: a bare article, headline first.
            start = BareStart();
        }

        // "Updated 3 hours ago" or a byline copied above the first headline are its own.
        _carried = start > 0 ? Carried(0, start) : null;

        // A story copied without its headline (the copy began below it): kept, to be held for an editor to name it.
        var upTo = start < 0 ? _count : start;
        if (HasStory(0, upTo))
        {
            var untitled = ReadHeader(-1);
            if (untitled.BodyStart < upTo && Build(untitled, upTo) is { } headless)
            {
                articles.Add(headless);
            }
        }
        else if (SkippedText(0, upTo) is var skipped and > 0 && start >= 0)
        {
            warnings.Add($"{skipped} line(s) of text before the first headline were skipped: they belong to no article");
        }

        while (start >= 0)
        {
            var header = ReadHeader(start);
            var next = FindStart(header.BodyStart);
            var end = next < 0 ? _count : next;
            // A header that runs straight into the next one (a topic label printed twice above the headline, a teaser
            // in a side bar) is no article; a teaser at the very end of the file is kept, to be held for review.
            var article = next == header.BodyStart && header.Summary.Count == 0 && (header.Repeats == 0 || next - start <= HeaderWindow)
                ? null
                : Build(header, end);
            if (article is null)
            {
                warnings.Add($"\"{Shorten(header.Headline)}\" was skipped: a headline with no body text and no summary");
            }
            else
            {
                articles.Add(article);
            }

            start = next;
        }

        return ParseResult.Of(articles, warnings);
    }

    private int FindStart(int from)
    {
        for (var i = from; i < _count; i++)
        {
            if (IsStart(i))
            {
                return i;
            }
        }

        return -1;
    }

    private int BareStart()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_lines.Kind(i) == LineKind.Text)
            {
                return IsHeadlineCandidate(i) && !PageText.IsBodyLike(_lines.Span(i)) && i + 1 < _count ? i : -1;
            }
        }

        return -1;
    }

    private int SkippedText(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (_lines.Kind(i) == LineKind.Text)
            {
                count++;
            }
        }

        return count;
    }

    private bool IsHeadlineCandidate(int i) =>
        _lines.Kind(i) == LineKind.Text && _lines[i].Length <= MaxHeadlineLength && _lines.Span(i)[^1] != ':' && Letters(_lines.Span(i)) >= 3
        && !IsTopicLabel(i);

    private static int Letters(ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters;
    }

    /// <summary>
    /// "Sudan Crisis / Sudan Crisis / headline / headline": a topic's label printed twice right above a headline that
    /// is printed twice too.
    /// </summary>
    private bool IsTopicLabel(int i) => LabelAbove(i, i + 2) || (i > 0 && _lines.SameText(i - 1, i) && LabelAbove(i - 1, i + 1));

    private bool LabelAbove(int label, int headline) =>
        headline + 1 < _count && _lines.SameText(label, label + 1) && _lines.Kind(headline) == LineKind.Text && _lines.SameText(headline, headline + 1)
        && PageText.CountWords(_lines.Span(label)) < PageText.CountWords(_lines.Span(headline));

    /// <summary>
    /// Does an article start at line <paramref name="i"/>? Yes when the line repeats a few lines further down with header
    /// words or a caption between (the strongest sign), or, for pages that do not repeat it, when header words follow it
    /// after at most one caption line.
    /// </summary>
    private bool IsStart(int i)
    {
        // No header word or bullet close below, and no "headline / headline" either: running text.
        if (_nextChrome[i] - i > HeaderWindow && !(i + 1 < _count && _lines.SameText(i, i + 1)) && !(i + 2 < _count && _lines.SameText(i, i + 2)))
        {
            return false;
        }

        if (!IsHeadlineCandidate(i) || UpdatedTime.TryTimestamp(_lines.Span(i), out _))
        {
            return false;
        }

        var headerWords = 0;
        var repeat = false;
        var captions = 0;
        var uncredited = 0;
        var captionLine = -1;
        for (var (j, steps) = (i + 1, 0); j < _count && steps < HeaderWindow; j++, steps++)
        {
            var kind = _lines.Kind(j);
            if (_lines[j].IsHeaderWord)
            {
                headerWords++;
                continue;
            }

            if (kind == LineKind.Url && _lines.Kind(j - 1) == LineKind.ShortUrl)
            {
                continue;
            }

            if (kind == LineKind.Text && _lines.SameText(i, j))
            {
                repeat = true;
                continue;
            }

            if (repeat && headerWords == 0 && _lines.SameText(i, j - 1))
            {
                // "headline / headline / summary or dateline": a page whose header had no chrome words at all.
                if (kind == LineKind.Bullet || HasDateline(j))
                {
                    return true;
                }
            }

            if (kind != LineKind.Text || headerWords > 0)
            {
                break;
            }

            // A caption (or its credit, or the caption again) between the headline and the header words; an author
            // line or a timestamp there (print layouts) is no caption.
            var span = _lines.Span(j);
            if (CaptionCredit.IsCreditOnly(span) || (captionLine >= 0 && _lines.SameText(captionLine, j)) || IsStrongName(span)
                || UpdatedTime.TryTimestamp(span, out _))
            {
                continue;
            }

            // Several pictures may each have their captions, but only credited ones: plain lines are text.
            uncredited += CaptionCredit.HasCredit(span) ? 0 : 1;
            if (++captions > 6 || uncredited > 2)
            {
                return false;
            }

            captionLine = j;
        }

        if (repeat && headerWords > 0)
        {
            return true;
        }

        if (headerWords == 0 || uncredited > 1 || PageText.IsBodyLike(_lines.Span(i)))
        {
            return false;
        }

        // "last paragraph / headline / plain summary / Updated": the line right below a headline may be its summary. Both
        // are full lines (a short closing line of the story above and the next headline is the other reading).
        if (captions == 1 && PageText.CountWords(_lines.Span(i)) >= 5 && PageText.CountWords(_lines.Span(captionLine)) >= 6 && captionLine == i + 1 && !LooksLikeCaption(captionLine) && !PageText.IsBodyLike(_lines.Span(captionLine)) && !RepeatsBelow(i)
            && i > 0 && _lines.Kind(i - 1) == LineKind.Text && PageText.EndsLikeSentence(_lines.Span(i - 1)))
        {
            return true;
        }

        // "last paragraph / next headline / Updated": the line above the header words is the headline unless it reads
        // like a caption, or nothing but page furniture comes before line i.
        return captions == 0 || AtBoundary(i) || LooksLikeCaption(captionLine);
    }

    /// <summary>Is the headline at <paramref name="h"/> printed again within the header's reach? Then the lines between are its caption.</summary>
    private bool RepeatsBelow(int h)
    {
        for (var k = h + 1; k < _count && k <= h + HeaderWindow; k++)
        {
            if (_lines.SameText(h, k))
            {
                return true;
            }
        }

        return false;
    }

    private bool AtBoundary(int i) => i == 0 || _lines.Kind(i - 1) is LineKind.Junk or LineKind.Bullet;

    private bool LooksLikeCaption(int j)
    {
        var span = _lines.Span(j);
        return span.Length > 150 || PageText.EndsWithFullStop(span) || CaptionCredit.HasCredit(span);
    }

    private bool HasDateline(int j) => _lines.Kind(j) == LineKind.Text && Dateline.Split(_lines.Text(j)).Place is not null;

    /// <summary>Is line <paramref name="j"/> inside the header, i.e. do header words or the repeated headline follow it?</summary>
    private bool HeaderContinuesAfter(int j, int headline, bool needRepeat)
    {
        var otherText = 0;
        for (var k = j + 1; k < _count && k <= j + 6; k++)
        {
            var line = _lines[k];
            if (line.Kind == LineKind.Text && _lines.SameText(headline, k))
            {
                return true;
            }

            if (line.IsHeaderWord || (line.Kind == LineKind.Url && _lines.Kind(k - 1) == LineKind.ShortUrl))
            {
                if (!needRepeat)
                {
                    return true;
                }

                continue;
            }

            // Besides credit and author lines, only one more caption line may sit between; a bullet, breadcrumb or link ends the header.
            if (line.Kind != LineKind.Text
                || (!CaptionCredit.IsCreditOnly(_lines.Span(k)) && !IsStrongName(_lines.Span(k)) && !UpdatedTime.TryTimestamp(_lines.Span(k), out _)
                    && !_lines.SameText(k, k - 1) && !CaptionCredit.HasCredit(_lines.Span(k)) && ++otherText > 1))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Can line <paramref name="j"/>, below a gallery counter, be that picture's caption? Only if it closes with a credit
    /// or more of the header follows it: after a last counter whose caption was not copied, the story begins.
    /// </summary>
    private bool IsPictureCaption(int j) =>
        CaptionCredit.HasCredit(_lines.Span(j)) || CaptionCredit.IsCreditOnly(_lines.Span(j))
        || (j + 1 < _count && (_lines[j + 1].IsHeaderWord || CaptionCredit.IsCreditOnly(_lines.Span(j + 1)) || _lines.Kind(j + 1) == LineKind.Bullet));

    /// <summary>Is there a story between the lines: a paragraph that opens with a dateline, or two of running text?</summary>
    private bool HasStory(int from, int to)
    {
        var running = 0;
        for (var j = from; j < to; j++)
        {
            if (_lines.Kind(j) == LineKind.Text && (HasDateline(j) || (PageText.IsBodyLike(_lines.Span(j)) && !CaptionCredit.HasCredit(_lines.Span(j)) && ++running >= 2)))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="h">The headline's line; -1 for a story copied without one.</param>
    private PageHeader ReadHeader(int h)
    {
        var header = new PageHeader(h >= 0 ? _lines.Text(h) : string.Empty) { Start = h };
        if (_carried is { } carried && carried.Before == h)
        {
            if (carried.Updated is { } updated)
            {
                header.AddUpdated(updated);
            }

            if (carried.Byline is { } byline)
            {
                header.AddName(byline);
            }
        }

        _carried = null;
        var afterRepeat = false;
        var expectLink = false;
        var sawShortUrl = false;
        var j = h + 1;
        for (; j < _count; j++)
        {
            var line = _lines[j];
            switch (line.Kind)
            {
                case LineKind.Junk:
                    continue;
                case LineKind.ShortUrl:
                    header.HeaderWords++;
                    (expectLink, sawShortUrl) = (true, true);
                    var inline = _lines.Span(j)[9..].TrimStart(": \t").Trim();
                    if (!inline.IsEmpty)
                    {
                        header.ShortUrl ??= inline.ToString();
                        expectLink = false;
                    }

                    continue;
                case LineKind.Url when expectLink || (sawShortUrl && header.ShortUrl is null && !afterRepeat):
                    header.ShortUrl ??= _lines.Text(j);
                    expectLink = false;
                    continue;
                case LineKind.Updated:
                    header.HeaderWords++;
                    header.AddUpdated(_lines.UpdatedValue(j));
                    expectLink = false;
                    continue;
                case LineKind.Published:
                    header.HeaderWords++;
                    header.Published ??= UpdatedTime.Resolve(PageChrome.PublishedValue(_lines.Span(j)), context.UploadedAt).Value;
                    if (PageChrome.UpdatedAfterPublished(_lines.Span(j)) is { } later)
                    {
                        header.AddUpdated(later);
                    }

                    expectLink = false;
                    continue;
                case LineKind.Counter:
                    // "1 / 4": a gallery picture, whose caption (and credit) follow.
                    header.HeaderWords++;
                    header.StartPicture();
                    expectLink = false;
                    continue;
                case LineKind.Text when !_lines.SameText(h, j) && IsPictureCaption(j) && header.TakePictureLine(_lines.Span(j)):
                    continue;
                case LineKind.Follow:
                    header.HeaderWords++;
                    expectLink = false;
                    continue;
                case LineKind.Bullet:
                    header.Summary.Add(BulletAt(ref j));
                    afterRepeat = true;
                    continue;
                case LineKind.Text when expectLink && LeadingLink(_lines.Span(j)) is { } link:
                    // "https://arab.news/9qmds Copy": the link with a button's label copied after it.
                    header.ShortUrl ??= link;
                    expectLink = false;
                    continue;
                case LineKind.Text when _lines.SameText(h, j):
                    // Printed twice before anything else ("headline / headline / caption / Short Url"), the header has not ended.
                    afterRepeat |= header.HeaderWords > 0 || header.Caption is not null || header.Credit is not null;
                    header.Repeats++;
                    continue;
                case LineKind.Text when ReadHeaderText(header, j, h, afterRepeat):
                    expectLink = false;
                    continue;
            }

            break;
        }

        header.BodyStart = j;
        return header;
    }

    /// <summary>Takes a text line of the header or trailer as caption, credit, name or timestamp; false when the body starts here.</summary>
    private bool ReadHeaderText(PageHeader header, int j, int h, bool afterRepeat)
    {
        var span = _lines.Span(j);

        // "Arab News", "Arab News Japan": the edition's name, never a caption's credit.
        if (PageText.IsEditionName(span) && PageText.IsNameLine(span.TrimEnd(" ·|")))
        {
            header.AddName(span.TrimEnd(" ·|"));
            return true;
        }

        var inHeader = afterRepeat || header.HeaderWords > 0 || header.Caption is not null || HeaderContinuesAfter(j, h, needRepeat: false);

        // A print layout's author and date under the headline: "YOUSEF AL-MARZOUQI", "March 3, 2022".
        if (inHeader && UpdatedTime.TryTimestamp(span, out var printed))
        {
            header.Published ??= printed;
            return true;
        }

        if (inHeader && IsStrongName(span) && !CaptionCredit.IsCreditOnly(span))
        {
            header.AddName(span);
            return true;
        }

        // "headline / plain summary / Updated": a plain line right below the headline that is no caption.
        if (j == h + 1 && header.Summary.Count == 0 && !LooksLikeCaption(j) && !PageText.IsBodyLike(span) && !HasDateline(j) && !RepeatsBelow(h)
            && HeaderContinuesAfter(j, h, needRepeat: false))
        {
            header.Summary.Add(span.ToString());
            return true;
        }

        // An author's name alone between the header and the story ("Kaito Hamada", "Sara Nakamura, Tokyo"), perhaps
        // above the edition's name or the headline printed again.
        if ((afterRepeat || header.HeaderWords > 0) && PageText.IsNameLine(span) && PageText.LooksLikeName(PageText.Names(span).First())
            && j + 1 < _count && _lines.Kind(j + 1) == LineKind.Text
            && (HasDateline(j + 1) || PageText.IsBodyLike(_lines.Span(j + 1)) || PageText.IsEditionName(_lines.Span(j + 1)) || _lines.SameText(h, j + 1)))
        {
            header.AddName(span);
            return true;
        }

        // More pictures' captions between more repeats of the headline (a gallery copied without its counters).
        if (header.HeaderWords == 0 && header.Caption is not null && CaptionCredit.HasCredit(span) && HeaderContinuesAfter(j, h, needRepeat: false))
        {
            header.AddCaption(span, j);
            return true;
        }

        // An author line in the header: after the header words, or right below the caption (never a credit line).
        if (!afterRepeat && (header.HeaderWords > 0 || header.Caption is not null) && IsStrongName(span) && !CaptionCredit.IsCreditOnly(span))
        {
            header.AddName(span);
            return true;
        }

        // A paragraph that opens with a dateline is the story, whatever follows it.
        if (!afterRepeat && HeaderContinuesAfter(j, h, needRepeat: header.HeaderWords > 0) && !HasDateline(j))
        {
            header.AddCaption(span, j);
            return true;
        }

        var inTrailer = afterRepeat || header.HeaderWords > 0;
        if (!inTrailer)
        {
            return false;
        }

        if (UpdatedTime.TryTimestamp(span, out var stamp))
        {
            header.Published ??= stamp;
            return true;
        }

        // An edition, an author in capitals or a "By" line is trusted before asking whether a new article starts here.
        if (IsStrongName(span))
        {
            header.AddName(span);
            return true;
        }

        if (IsStart(j))
        {
            return false;
        }

        if (PageText.IsNameLine(span) && (AnchorFollows(j) || (IsAnchor(j - 1) && j + 1 < _count && HasDateline(j + 1))))
        {
            header.AddName(span);
            return true;
        }

        // An image caption placed after the repeated headline, right above the summary bullets.
        if (afterRepeat && header.Summary.Count == 0 && j + 1 < _count && _lines.Kind(j + 1) == LineKind.Bullet
            && CaptionCredit.HasCredit(span))
        {
            header.AddCaption(span, j);
            return true;
        }

        return false;
    }

    /// <summary>A bullet's text; a marker alone on its line takes the text from the line below (a list copied oddly).</summary>
    private string BulletAt(ref int j)
    {
        var text = _lines.BulletText(j);
        if (text.Length == 0 && j + 1 < _count && _lines.Kind(j + 1) is LineKind.Text or LineKind.Bullet)
        {
            text = _lines.BulletText(++j);
        }

        return text;
    }

    /// <summary>A link opening the line (a scheme-less one such as <c>bit.ly/x</c> too), possibly with a short label after it.</summary>
    private static string? LeadingLink(ReadOnlySpan<char> span)
    {
        var space = span.IndexOfAny(' ', '\t', '\u00A0');
        var link = space < 0 ? span : span[..space];
        return span.Length - link.Length <= 20 && PageLines.IsLink(link) ? link.ToString() : null;
    }

    private static bool IsStrongName(ReadOnlySpan<char> span) =>
        PageText.IsNameLine(span) && (PageText.IsAllCaps(span) || PageText.StartsWithBy(span) || PageText.IsEditionName(span));

    private bool IsAnchor(int j) => j >= 0 && (_lines[j].IsHeaderWord || UpdatedTime.TryTimestamp(_lines.Span(j), out _));

    /// <summary>A trailer name is trusted when an <c>Updated</c>, <c>Follow</c> or timestamp line closes the run it is in.</summary>
    private bool AnchorFollows(int j)
    {
        for (var k = j + 1; k < _count && k <= j + 4; k++)
        {
            if (IsAnchor(k))
            {
                return true;
            }

            if (_lines.Kind(k) != LineKind.Text || !PageText.IsNameLine(_lines.Span(k)))
            {
                return false;
            }
        }

        return false;
    }

    private ParsedArticle? Build(PageHeader header, int end)
    {
        for (var j = header.BodyStart; j < end; j++)
        {
            if (_lines.Kind(j) == LineKind.End)
            {
                // What follows the story on the page (topics, most read, a disclaimer) is not part of it; an Updated
                // line and a byline printed there, above the next headline, belong to the next story.
                _carried = Carried(j + 1, end);
                end = j;
                break;
            }
        }

        var last = TrimBreadcrumbs(header.BodyStart, end);
        var paragraphs = new List<string>(Math.Max(0, last - header.BodyStart));
        for (var j = header.BodyStart; j < last; j++)
        {
            switch (_lines.Kind(j))
            {
                case LineKind.Text or LineKind.Url:
                    paragraphs.Add(_lines.Text(j));
                    break;
                case LineKind.Bullet:
                    paragraphs.Add(BulletAt(ref j));
                    break;
                case LineKind.Updated when UpdatedTime.Resolve(_lines.UpdatedValue(j), context.UploadedAt).Value is null:
                    // Not a time after all ("Updated at 10:30 GMT"): a line of the story.
                    paragraphs.Add(_lines.Text(j));
                    break;
            }
        }


        var warnings = new List<string>();
        var dateline = ArticleText.TakeDateline(paragraphs, warnings);
        ArticleText.WarnIfNoBody(paragraphs, warnings);

        var (updated, approximate) = ArticleText.ResolveUpdated(header.UpdatedText, context.UploadedAt, warnings);
        // A counter whose caption was not copied keeps its place: the pictures after it stay numbered as on the page.
        // "Farida Mansour / Updated 3 min ago / the column": a name alone where the headline would be is the author, and
        // the headline was not copied.
        var nameOnly = header.Start >= 0 && header.Repeats == 0 && header.Caption is null && paragraphs.Count > 0
            && PageText.LooksLikeName(header.Headline) && !PageText.IsEditionName(header.Headline);
        if (nameOnly)
        {
            header.AddName(header.Headline);
        }

        var untitled = header.Start < 0 || nameOnly;
        var headline = untitled ? Untitled(paragraphs) : header.Headline;
        var gallery = header.Gallery;
        var lead = gallery.FirstOrDefault(p => p.Caption is not null || p.Credit is not null) ?? new ImageCaption(header.Caption, header.Credit);
        var basis = untitled ? null : HeadlineConfirmation(header, dateline);
        List<string> reasons = !untitled ? ReviewReasons(header, paragraphs, basis)
            : nameOnly ? [$"no headline was copied with this story: the line above it, \"{Shorten(header.Headline)}\", reads like a name alone and is kept as the byline; the headline shown is made of the story's first words, give it one when you approve it"]
            : ["no headline was copied with this story: the one shown is made of its first words; give it a headline when you approve it"];
        return new ParsedArticle
        {
            Headline = headline,
            Caption = lead.Caption,
            ImageCredit = lead.Credit,
            Gallery = gallery.Count > 1 ? gallery.ToList() : [],
            ReviewReasons = reasons,
            HeadlineBasis = untitled ? null : basis ?? "the line above the page's header words; nothing confirms it",
            OriginalShortUrl = header.ShortUrl,
            UpdatedText = header.UpdatedText,
            Updated = updated,
            UpdatedIsApproximate = approximate,
            Published = header.Published,
            Summary = header.Summary,
            Byline = header.Byline,
            Edition = header.Edition,
            Dateline = dateline,
            Paragraphs = paragraphs,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Why an editor should confirm the article before it goes live; empty when the headline is confirmed (printed
    /// again, or directly followed by its caption, gallery, summary or dateline), looks like a headline, and has a body.
    /// </summary>
    /// <param name="basis">What confirms the headline (<see cref="HeadlineConfirmation"/>); null when nothing does.</param>
    private static List<string> ReviewReasons(PageHeader header, List<string> paragraphs, string? basis)
    {
        var reasons = new List<string>();
        var headline = header.Headline.AsSpan();
        if (basis is null)
        {
            reasons.Add($"the headline \"{Shorten(header.Headline)}\" is printed once and nothing that follows a headline (caption, summary, dateline) comes right after it");
        }

        if (CaptionCredit.HasCredit(headline) || CaptionCredit.IsCreditOnly(headline))
        {
            reasons.Add("the headline ends in a photo credit, so it may be a caption");
        }
        else if (PageText.LooksLikeName(headline))
        {
            reasons.Add("the headline reads like a person's or place's name alone");
        }

        if (paragraphs.Count == 0)
        {
            reasons.Add("no body text was found, only a summary");
        }

        // "By AP ·", "By Reuters ·" under each of several headlines: a section's list of teasers, not one story.
        if (paragraphs.Count(p => p.EndsWith(" ·", StringComparison.Ordinal) && p.Length <= 60) >= 2)
        {
            reasons.Add("the text reads like a list of teasers (several \"By … ·\" lines), not one story");
        }

        return reasons;
    }

    /// <summary>What makes the headline line the headline, in words for the editor; null when nothing does.</summary>
    private string? HeadlineConfirmation(PageHeader header, string? dateline)
    {
        if (header.Repeats > 0)
        {
            return "printed again below the header";
        }

        var next = header.Start + 1;
        while (next < _count && _lines.Kind(next) == LineKind.Junk)
        {
            next++;
        }

        return next >= _count ? null
            : _lines.Kind(next) == LineKind.Bullet || (header.Summary.Count > 0 && _lines.Span(next).SequenceEqual(header.Summary[0])) ? "followed by its summary"
            : _lines.Kind(next) == LineKind.Counter ? "followed by its photo gallery"
            : next == header.CaptionLine ? "followed by its caption"
            : next == header.BodyStart && dateline is not null ? "followed by its dateline"
            : null;
    }

    /// <summary>
    /// The end of the body without the next page's breadcrumbs (<c>date … You are here</c>, <c>• Home</c>,
    /// <c>• Pakistan</c>, <c>• next headline</c>). A bullet list is only dropped when something marks it as breadcrumbs.
    /// </summary>
    private int TrimBreadcrumbs(int from, int end)
    {
        var last = end;
        var junk = false;
        while (last > from && _lines.Kind(last - 1) is LineKind.Junk or LineKind.Bullet or LineKind.Follow or LineKind.ShortUrl)
        {
            junk |= _lines.Kind(last - 1) == LineKind.Junk;
            last--;
        }

        if (last == end)
        {
            return end;
        }

        var firstBullet = last < end && _lines.Kind(last) == LineKind.Bullet ? _lines.BulletText(last) : null;
        var home = firstBullet is not null && firstBullet.Equals("Home", StringComparison.OrdinalIgnoreCase);
        var namesNext = end < _count && _lines.Kind(end - 1) == LineKind.Bullet && _lines.BulletRepeats(end - 1, end);
        var chromeOnly = true;
        for (var j = last; j < end && chromeOnly; j++)
        {
            chromeOnly = _lines.Kind(j) != LineKind.Bullet;
        }

        return junk || home || namesNext || chromeOnly ? last : end;
    }

    private static string Untitled(List<string> paragraphs)
    {
        var words = (paragraphs.FirstOrDefault() ?? "Untitled story").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 10 ? string.Join(' ', words) : string.Join(' ', words.Take(10)) + " …";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
