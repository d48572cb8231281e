using System.Text;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>
/// About 10 MB of page text: the parser fixtures, the two sets of real page shapes and the shared seed sample, repeated
/// as one long upload would hold them.
/// </summary>
public static class PageTextCorpus
{
    public const int TargetBytes = 10 * 1000 * 1000;

    public static byte[] Build()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "PageText");
        var pieces = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        if (Pipeline.Testing.TestFiles.SeedSample() is { } seed)
        {
            // The real sample is weighted like the bulk of real uploads: long bodies, few header lines.
            var text = File.ReadAllText(seed);
            pieces.AddRange(Enumerable.Repeat(text, 4));
        }

        var builder = new StringBuilder(TargetBytes + 64 * 1024);
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < TargetBytes)
        {
            foreach (var piece in pieces)
            {
                builder.Append(piece.TrimStart('\uFEFF')).Append("\n\n");
            }
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
