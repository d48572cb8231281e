using System.Globalization;

namespace Pipeline.Core.Parsing;

/// <summary>Reads the times news pages print: <c>22 June 2024</c>, <c>May 25, 2021 23:51</c>, <c>18 min 33 sec ago</c>.</summary>
internal static class UpdatedTime
{
    private static readonly string[] Formats = BuildFormats();

    /// <summary>True when the words after <c>Updated</c> are a time, so a sentence that starts with the word is not taken for one.</summary>
    public static bool IsValue(ReadOnlySpan<char> afterWord)
    {
        if (afterWord.IsEmpty || !(char.IsWhiteSpace(afterWord[0]) || afterWord[0] == ':'))
        {
            return false;
        }

        var value = Clean(afterWord);
        if (value.IsEmpty)
        {
            return false;
        }

        if (TryRelative(value, out _) || TryAbsolute(value, out _))
        {
            return true;
        }

        // An unusual date format still marks the header; the article then says the time could not be read.
        return value.Length <= 40 && value.IndexOfAnyInRange('0', '9') >= 0 && value[^1] != '.' && PageText.CountWords(value) <= 6;
    }

    /// <summary>The value of an <c>Updated …</c> line as written, without the word and its colon.</summary>
    public static string ValueOf(ReadOnlySpan<char> line) => Clean(line[7..]).ToString();

    /// <summary>Resolves an absolute time exactly and a relative one approximately, against the upload time.</summary>
    public static (DateTimeOffset? Value, bool Approximate) Resolve(string? text, DateTimeOffset uploadedAt)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        var value = Clean(text);
        if (TryRelative(value, out var ago))
        {
            return uploadedAt.UtcTicks - DateTimeOffset.MinValue.UtcTicks > ago.Ticks ? (uploadedAt - ago, true) : (null, false);
        }

        return TryAbsolute(value, out var exact) ? (exact, false) : (null, false);
    }

    /// <summary>A trailer timestamp line such as <c>May 25, 2021 23:51</c>; cheap checks first, since it is tried on short lines only.</summary>
    public static bool TryTimestamp(ReadOnlySpan<char> line, out DateTimeOffset value)
    {
        value = default;
        return line.Length is >= 8 and <= 40 && char.IsLetterOrDigit(line[0]) && char.IsAsciiDigit(line[^1])
            && line.IndexOfAnyInRange('0', '9') >= 0 && TryAbsolute(line, out value);
    }

    /// <summary>A date as structured formats write it: ISO 8601 first, then the page formats.</summary>
    public static bool TryDate(string text, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is > 0 and <= 64 && char.IsAsciiDigit(trimmed[0])
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
            && trimmed.Contains('-'))
        {
            return true;
        }

        return TryAbsolute(trimmed, out value);
    }

    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> value) => value.Trim().TrimStart(':').Trim();

    private static bool TryAbsolute(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length is < 6 or > 48)
        {
            return false;
        }

        // The two shapes pages print nearly always, read by hand: the format list below costs microseconds a try.
        if (TryCommonShape(text, out value))
        {
            return true;
        }

        // "Sept" is how some desks abbreviate; the invariant culture only knows "Sep". Full stops after abbreviations go too.
        Span<char> buffer = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c != '.')
            {
                buffer[n++] = c;
            }
        }

        var cleaned = buffer[..n].Trim();
        var sept = cleaned.IndexOf("Sept", StringComparison.OrdinalIgnoreCase);
        string candidate;
        if (sept >= 0 && (sept + 4 == cleaned.Length || !char.IsLetter(cleaned[sept + 4]) || cleaned[(sept + 4)..].StartsWith("ember", StringComparison.OrdinalIgnoreCase)))
        {
            candidate = string.Concat(cleaned[..(sept + 3)], cleaned[(sept + 4)..]);
        }
        else
        {
            candidate = cleaned.ToString();
        }

        foreach (var zone in (ReadOnlySpan<string>)[" GMT", " UTC"])
        {
            if (candidate.EndsWith(zone, StringComparison.OrdinalIgnoreCase))
            {
                candidate = candidate[..^zone.Length];
            }
        }

        return DateTimeOffset.TryParseExact(candidate, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // The French edition's months, whose full names only are printed ("12 mars 2024").
    private static readonly string[] FrenchMonths =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary><c>22 June 2024</c> or <c>May 25, 2021 23:51</c> (full or three-letter month, optional time); false for anything else.</summary>
    private static bool TryCommonShape(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        var rest = SkipWeekday(text);
        if (rest.IsEmpty)
        {
            return false;
        }

        int day, month, year, hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        if (char.IsAsciiDigit(rest[0]))
        {
            if (!TakeNumber(ref rest, 1, 2, out day) || !TakeSpace(ref rest) || !TakeMonth(ref rest, out month) || !TakeSpace(ref rest))
            {
                return false;
            }
        }
        else if (!TakeMonth(ref rest, out month) || !TakeSpace(ref rest) || !TakeNumber(ref rest, 1, 2, out day))
        {
            return false;
        }
        else
        {
            rest = rest.StartsWith(',') ? rest[1..] : rest;
            if (!TakeSpace(ref rest))
            {
                return false;
            }
        }

        if (!TakeNumber(ref rest, 4, 4, out year))
        {
            return false;
        }

        // Between date and time pages write a space, a comma, a dash or "at": "22 June 2024 - 17:47", "May 25, 2021, 23:51".
        rest = rest.TrimStart(" ,-–|");
        if (rest.StartsWith("at ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[3..];
        }

        if (rest.StartsWith("à ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[2..];
        }

        // "10:32", "10:32:05", "14h05"; then a zone as the Japan edition prints it ("GMT9"), or "GMT"/"UTC".
        if (!rest.IsEmpty)
        {
            if (!TakeNumber(ref rest, 1, 2, out hour) || rest.IsEmpty || rest[0] is not (':' or 'h'))
            {
                return false;
            }

            rest = rest[1..];
            if (!TakeNumber(ref rest, 2, 2, out minute) || hour >= 24 || minute >= 60)
            {
                return false;
            }

            if (rest.StartsWith(':'))
            {
                rest = rest[1..];
                if (!TakeNumber(ref rest, 2, 2, out second) || second >= 60)
                {
                    return false;
                }
            }

            if (!TakeZone(ref rest, out offset))
            {
                return false;
            }
        }

        if (!rest.IsEmpty || month == 0 || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).ToUniversalTime();
        return true;
    }

    private static readonly string[] Weekdays =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
         "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    /// <summary>"Mardi 12 mars 2024", "Monday, 22 June 2024": the weekday adds nothing to the date.</summary>
    private static ReadOnlySpan<char> SkipWeekday(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        foreach (var day in Weekdays)
        {
            if (text[..end].Equals(day, StringComparison.OrdinalIgnoreCase))
            {
                return text[end..].TrimStart(", .").TrimStart();
            }
        }

        return text;
    }

    /// <summary>An optional zone after the time: <c>GMT</c>, <c>UTC</c>, <c>GMT9</c>, <c>GMT+3</c>, <c>GMT-5</c>.</summary>
    private static bool TakeZone(ref ReadOnlySpan<char> rest, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        rest = rest.TrimStart();
        if (rest.IsEmpty)
        {
            return true;
        }

        if (!rest.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest[3..];
        if (rest.IsEmpty)
        {
            return true;
        }

        var sign = rest[0] == '-' ? -1 : 1;
        rest = rest[0] is '+' or '-' ? rest[1..] : rest;
        if (!TakeNumber(ref rest, 1, 2, out var hours) || hours > 14)
        {
            return false;
        }

        offset = TimeSpan.FromHours(sign * hours);
        return true;
    }

    private static bool TakeNumber(ref ReadOnlySpan<char> rest, int min, int max, out int number)
    {
        number = 0;
        var digits = 0;
        while (digits < rest.Length && digits <= max && char.IsAsciiDigit(rest[digits]))
        {
            number = number * 10 + (rest[digits] - '0');
            digits++;
        }

        rest = rest[digits..];
        return digits >= min && digits <= max;
    }

    private static bool TakeSpace(ref ReadOnlySpan<char> rest)
    {
        var spaces = rest.Length - rest.TrimStart(" \u00A0\t").Length;
        rest = rest[spaces..];
        return spaces > 0;
    }

    private static bool TakeMonth(ref ReadOnlySpan<char> rest, out int month)
    {
        month = 0;
        var length = 0;
        while (length < rest.Length && char.IsLetter(rest[length]))
        {
            length++;
        }

        var word = rest[..length];
        rest = rest[length..].TrimStart('.');
        if (length < 3)
        {
            return false;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (word.Equals(FrenchMonths[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }

            var name = Months[i].AsSpan();
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase) || word.Equals(name[..3], StringComparison.OrdinalIgnoreCase)
                || (i == 8 && word.Equals("sept", StringComparison.OrdinalIgnoreCase)))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static string[] BuildFormats()
    {
        string[] dates =
        [
            "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM, yyyy", "d MMM, yyyy",
            "dddd, d MMMM yyyy", "dddd, MMMM d, yyyy", "ddd, d MMM yyyy", "yyyy-MM-dd",
        ];
        string[] times = ["", " HH:mm", " H:mm", ", HH:mm", ", H:mm", " HH:mm:ss", " h:mm tt", ", h:mm tt", " 'at' HH:mm", " 'at' h:mm tt"];
        var formats = new List<string>(dates.Length * times.Length + 4);
        foreach (var date in dates)
        {
            foreach (var time in times)
            {
                formats.Add(date + time);
            }
        }

        formats.AddRange(["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm", "HH:mm d MMMM yyyy", "HH:mm, d MMMM yyyy"]);
        return [.. formats];
    }

    /// <summary><c>5 sec ago</c>, <c>18 min 33 sec ago</c>, <c>an hour ago</c>, <c>just now</c>, <c>yesterday</c>.</summary>
    private static bool TryRelative(ReadOnlySpan<char> text, out TimeSpan ago)
    {
        ago = TimeSpan.Zero;
        if (text.Equals("just now", StringComparison.OrdinalIgnoreCase) || text.Equals("now", StringComparison.OrdinalIgnoreCase)
            || text.Equals("moments ago", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("yesterday", StringComparison.OrdinalIgnoreCase))
        {
            ago = TimeSpan.FromDays(1);
            return true;
        }

        if (text.Length > 60 || !text.EndsWith("ago", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[..^3].Trim();
        var parts = 0;
        while (!rest.IsEmpty)
        {
            // A count ("18", "a", "an") then a unit, the two possibly written together ("18min").
            long count;
            var digits = rest.IndexOfAnyExceptInRange('0', '9');
            if (digits > 0)
            {
                if (digits > 6 || !long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out count))
                {
                    return false;
                }

                rest = rest[digits..].TrimStart();
            }
            else if (rest.StartsWith("a few ", StringComparison.OrdinalIgnoreCase))
            {
                // "a few seconds ago": a couple of units is as close as the page lets us get.
                count = 2;
                rest = rest[6..].TrimStart();
            }
            else if (rest.StartsWith("an ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("a ", StringComparison.OrdinalIgnoreCase))
            {
                count = 1;
                rest = rest[(rest.IndexOf(' ') + 1)..].TrimStart();
            }
            else
            {
                return false;
            }

            var end = rest.IndexOfAny(" ,\u00A0\t");
            var word = end < 0 ? rest : rest[..end];
            var unit = Unit(word);
            if (unit == TimeSpan.Zero)
            {
                return false;
            }

            // Past a century the text is not a page's "updated" time; stopping here also keeps the arithmetic in range.
            if (count > 100_000 || (ago + unit * count).TotalDays > 36_500)
            {
                return false;
            }

            ago += unit * count;
            parts++;
            rest = end < 0 ? [] : rest[end..].TrimStart(" ,\u00A0\t").Trim();
            if (rest.StartsWith("and ", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[4..];
            }
        }

        return parts > 0;
    }

    private static TimeSpan Unit(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > 16)
        {
            return TimeSpan.Zero;
        }

        word.ToLowerInvariant(lower);
        return lower switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(1),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(1),
            "d" or "day" or "days" => TimeSpan.FromDays(1),
            "w" or "wk" or "wks" or "week" or "weeks" => TimeSpan.FromDays(7),
            "mo" or "month" or "months" => TimeSpan.FromDays(30),
            "y" or "yr" or "yrs" or "year" or "years" => TimeSpan.FromDays(365),
            _ => TimeSpan.Zero,
        };
    }
}
