using System.Text;

namespace Pipeline.Testing;

/// <summary>Synthetic uploads in the page-text shape (headline, caption, Short Url, Updated, bullets, dateline, body), unique per index.</summary>
public static class GeneratedArticles
{
    private static readonly string[] Places = ["KARACHI", "IRBIL, IRAQ", "HASAKEH, Syria", "LONDON", "MILLBRIDGE", "PORT ELLEN"];
    private static readonly string[] Topics = ["council budget", "river crossing", "school meals", "harbour dues", "rail timetable", "library hours", "water prices", "bus lanes"];

    public static string Headline(int file, int article) =>
        $"Officials in district {file} agree plan {article} on {Topics[(file + article) % Topics.Length]}";

    /// <summary>One file of <paramref name="articles"/> articles.</summary>
    public static string File(int file, int articles, int paragraphs = 6)
    {
        var text = new StringBuilder();
        for (var a = 0; a < articles; a++)
        {
            var headline = Headline(file, a);
            var place = Places[(file * 7 + a) % Places.Length];
            text.Append(headline).Append("\n\n")
                .Append($"Residents gather outside the hall before the vote on plan {a} in district {file}. (Staff photo)\n")
                .Append("Short Url\n")
                .Append($"Updated {1 + (file + a) % 28} March 2026\n")
                .Append("Follow\n\n")
                .Append(headline).Append("\n\n")
                .Append($"  • The plan for district {file} was approved after a long debate\n")
                .Append("  • Work is expected to begin within the year\n\n")
                .Append($"{place}: Officials in district {file} on Tuesday agreed plan number {a}, ending months of argument over the {Topics[a % Topics.Length]}.\n\n");
            for (var p = 1; p < paragraphs; p++)
            {
                text.Append($"Paragraph {p} of the report on district {file} explains what the plan changes, who pays for it, and when residents will notice the difference in their daily lives.\n\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
