namespace Pipeline.Core.Parsing;

/// <summary>
/// The furniture of news pages that a copy brings along: widgets, counters, search boxes, breadcrumbs, edition marks,
/// section names. Each shape is one entry of <see cref="Rules"/>: a new kind of chrome line is a new row, not a new
/// branch of the reader. Only short lines are asked (chrome is never long), which keeps the parser's throughput.
/// </summary>
internal static class PageChrome
{
    /// <summary>No chrome line is longer; a longer line is text without asking the table.</summary>
    public const int MaxLength = 160;

    /// <summary>Every entry but the end-of-story one is for lines no longer than this.</summary>
    private const int ShortLine = 64;

    private delegate bool LineTest(ReadOnlySpan<char> line);

    /// <summary>One shape of page furniture: its name (for the reader's notes), what the line becomes, and its test.</summary>
    private sealed record Rule(string Name, LineKind Kind, LineTest Matches);

    // Section and menu names that stand alone on a line above a headline on older layouts ("Saudi Arabia", "World").
    private static readonly HashSet<string> SectionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Saudi Arabia", "World", "Middle East", "Pakistan", "Japan", "Asia", "Africa", "Europe", "Americas", "Gulf", "Business",
        "Business & Economy", "Economy", "Sport", "Sports", "Opinion", "Columns", "Editorial", "Lifestyle", "Art & Culture",
        "Culture", "Food & Health", "Travel", "Fashion", "Media", "Offbeat", "Science & Technology", "Technology", "Features",
        "Entertainment", "Corporate News", "Research & Studies", "Special Reports", "Leaders", "News", "Latest News", "Home",
        "Main Category", "Top Stories", "Trending", "Videos", "Video", "Photos", "Podcasts", "Books", "Analysis",
        "Main section", "Region", "International", "Politique", "Monde", "Économie", "Sports & Jeux", "Société", "Culture & Société",
    };

    // Buttons and labels of share bars and widgets, copied as lines of their own.
    private static readonly HashSet<string> WidgetWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Share", "Tweet", "Facebook", "Twitter", "WhatsApp", "Telegram", "LinkedIn", "Email", "E-mail", "Print", "Copy", "Copied",
        "Comments", "Comment", "Font size", "Listen", "Read more", "Advertisement", "Sponsored", "Subscribe", "Newsletter",
        "Search form", "Search", "Menu", "Close", "Login", "Sign in", "Register", "Partager", "Imprimer", "Suivre", "Taille du texte",
    };

    // Blocks that follow the story on the page: once one starts, the article's text has ended.
    private static readonly HashSet<string> EndWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Most Popular", "Most Read", "Related", "Related Articles", "Related Stories", "Read also", "Read more", "Recommended",
        "More from Arab News", "Newsletter", "Latest updates", "You may also like", "À lire aussi", "Lire aussi", "Les plus lus",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Ends = EndWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Sections = SectionNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Widgets = WidgetWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Rule[] Rules =
    [
        // First, since it alone is asked of long lines. "Topics: …", "Most Popular", "Related", a newsletter box, an opinion page's disclaimer: the story has ended.
        new("end of story", LineKind.End, line => Ends.Contains(line) || line.StartsWith("Topics:", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("Disclaimer:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Sign up for", StringComparison.OrdinalIgnoreCase)),

        // "1 / 4" … "4 / 4": a photo gallery's counter; the line below it is that picture's caption.
        new("gallery counter", LineKind.Counter, IsCounter),

        // A lone "0" or "12" (or "0 14"): comment and share counts beside the byline.
        new("counter", LineKind.Junk, line => line.Length <= 9 && line.IndexOfAnyExcept("0123456789 ") < 0),

        // "Last updated: 2 min ago": the site's clock in its header, not the article's time.
        new("site clock", LineKind.Junk, line => line.StartsWith("Last updated", StringComparison.OrdinalIgnoreCase)),

        // " date 2017-07-05   • Search form", "date 2025-07-10 You are here": the page's date strip on older layouts.
        new("date strip", LineKind.Junk, line => line.Length > 10 && line.StartsWith("date ", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(line[5])),
        new("breadcrumb label", LineKind.Junk, line => line.Equals("You are here", StringComparison.OrdinalIgnoreCase) || line.EndsWith("• Search form", StringComparison.OrdinalIgnoreCase)),

        // "ARAB NEWS |", "Arab News Japan |": an edition mark before a caption.
        new("edition mark", LineKind.Junk, line => line.Length <= 40 && line[^1] == '|' && PageText.IsNameLine(line[..^1].Trim())),

        new("widget", LineKind.Junk, line => line.Length <= 20 && Widgets.Contains(line)),
        new("section name", LineKind.Junk, line => line.Length <= 32 && Sections.Contains(line)),

        // French edition: "Publié le 12 mars 2023" is the article's own date, "Mis à jour …" its update.
        new("published line", LineKind.Published, line => PublishedValue(line) is not null),
        new("updated line (French)", LineKind.Updated, line => line.StartsWith("Mis à jour", StringComparison.OrdinalIgnoreCase) && line.Length > 12),
    ];

    /// <summary>What a short line of page chrome is, with the rule's name; null when it is not chrome.</summary>
    public static (LineKind Kind, string Rule)? Classify(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line.Length > MaxLength)
        {
            return null;
        }

        // Past this length only the blocks that end a story ("Disclaimer: …", "Topics: …") are chrome: most body
        // paragraphs are that long, and they skip the table after one look at their first letter.
        if (line.Length > ShortLine)
        {
            return line[0] is 'D' or 'T' or 'S' && Rules[0].Matches(line) ? (LineKind.End, Rules[0].Name) : null;
        }

        foreach (var rule in Rules)
        {
            if (rule.Matches(line))
            {
                return (rule.Kind, rule.Name);
            }
        }

        return null;
    }

    /// <summary>True for a gallery counter, <c>1 / 4</c> or <c>1/4</c>.</summary>
    public static bool IsCounter(ReadOnlySpan<char> line)
    {
        var slash = line.IndexOf('/');
        if (slash <= 0 || line.Length > 9)
        {
            return false;
        }

        var left = line[..slash].Trim();
        var right = line[(slash + 1)..].Trim();
        return left.Length is > 0 and <= 3 && right.Length is > 0 and <= 3
            && left.IndexOfAnyExceptInRange('0', '9') < 0 && right.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>
    /// The date of a publish line: <c>Publié le Mardi 12 mars 2024</c> (French edition), <c>Published: May 3, 2012 00:41</c>
    /// (older layouts, possibly followed by <c>Updated: …</c> on the same line), <c>Time: May 01, 2019</c> (copy sites); null
    /// for anything that is not one, such as a sentence starting with "Published".
    /// </summary>
    public static string? PublishedValue(ReadOnlySpan<char> line)
    {
        foreach (var word in (ReadOnlySpan<string>)["Publié le", "Published:", "Published on", "Time:"])
        {
            if (line.Length > word.Length + 1 && line.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var value = line[word.Length..];
                var updated = value.IndexOf(" Updated", StringComparison.OrdinalIgnoreCase);
                value = (updated < 0 ? value : value[..updated]).Trim(": \u00A0");
                return UpdatedTime.Resolve(value.ToString(), DateTimeOffset.UnixEpoch) is { Value: not null, Approximate: false } ? value.ToString() : null;
            }
        }

        return null;
    }

    /// <summary>The <c>Updated: …</c> value printed on a publish line after its date, or null.</summary>
    public static string? UpdatedAfterPublished(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(" Updated", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : line[(at + 8)..].Trim(": \u00A0").ToString() is { Length: > 0 } value ? value : null;
    }
}
