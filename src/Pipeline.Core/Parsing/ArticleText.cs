using Pipeline.Core.Articles;

namespace Pipeline.Core.Parsing;

/// <summary>Steps every format shares once it has an article's text: the dateline, the updated time, the warnings.</summary>
internal static class ArticleText
{
    /// <summary>Splits the dateline off the first paragraph (dropping a paragraph that was only the dateline).</summary>
    public static string? TakeDateline(List<string> paragraphs, List<string> warnings)
    {
        if (paragraphs.Count > 0 && Dateline.Split(paragraphs[0]) is ({ } place, var rest))
        {
            ReplaceFirst(paragraphs, rest);
            return place;
        }

        warnings.Add("no dateline found at the start of the body");
        return null;
    }

    public static void WarnIfNoBody(List<string> paragraphs, List<string> warnings)
    {
        if (paragraphs.Count == 0)
        {
            warnings.Add("no body text: only the headline and summary were found");
        }
    }

    /// <summary>Resolves the <c>Updated</c> text against the upload time and says what an editor should know about it.</summary>
    public static (DateTimeOffset? Value, bool Approximate) ResolveUpdated(string? text, DateTimeOffset uploadedAt, List<string> warnings)
    {
        if (text is null)
        {
            warnings.Add("no Updated time found");
            return (null, false);
        }

        var (value, approximate) = UpdatedTime.Resolve(text, uploadedAt);
        if (value is null)
        {
            warnings.Add($"Updated time \"{text}\" could not be read");
        }
        else if (approximate)
        {
            warnings.Add($"updated time is relative (\"{text}\"): resolved against the upload time, approximately");
        }

        return (value, approximate);
    }

    /// <summary>Removes a dateline the body repeats when the structured fields already name it.</summary>
    public static void DropRepeatedDateline(List<string> paragraphs, string dateline)
    {
        if (paragraphs.Count > 0 && Dateline.Split(paragraphs[0]) is ({ } place, var rest) && place.Equals(dateline, StringComparison.OrdinalIgnoreCase))
        {
            ReplaceFirst(paragraphs, rest);
        }
    }

    /// <summary>The first paragraph without its dateline; gone when the dateline stood on a line of its own.</summary>
    private static void ReplaceFirst(List<string> paragraphs, string? rest)
    {
        if (string.IsNullOrEmpty(rest))
        {
            paragraphs.RemoveAt(0);
        }
        else
        {
            paragraphs[0] = rest;
        }
    }
}
