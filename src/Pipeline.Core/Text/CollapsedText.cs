using System.Text;

namespace Pipeline.Core.Text;

/// <summary>Text as the content and story hashes read it: trimmed, each run of white space one space.</summary>
internal static class CollapsedText
{
    /// <summary>Appends <paramref name="value"/> collapsed (and lower-cased when asked), so re-saving a file with other line ends or indentation is no edit.</summary>
    public static StringBuilder Append(StringBuilder builder, string? value, bool lowerCase = false)
    {
        var space = false;
        foreach (var c in (value ?? string.Empty).AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(lowerCase ? char.ToLowerInvariant(c) : c);
        }

        return builder;
    }
}
