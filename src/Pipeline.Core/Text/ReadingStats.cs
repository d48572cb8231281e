using Pipeline.Core.Articles;

namespace Pipeline.Core.Text;

/// <summary>Word count and reading time of an article.</summary>
public static class ReadingStats
{
    private const int WordsPerMinute = 230;

    public static int WordCount(ParsedArticle article)
    {
        var words = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            words += CountWords(paragraph);
        }

        return words;
    }

    public static int ReadingMinutes(ParsedArticle article) => Math.Max(1, (int)Math.Ceiling(WordCount(article) / (double)WordsPerMinute));

    /// <summary>Words are runs of non-white-space, which holds for every script the desk writes in.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }
}
