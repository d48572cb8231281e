using System.IO.Compression;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// The team's corpus of hostile uploads: empty, binary, wrong encodings, enormous, pathological shapes, markup and
/// script in every field, and odd file names. Deterministic (fixed seed).
/// </summary>
public static class HostileInputs
{
    public const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static readonly string Good = File.ReadAllText(TestFiles.Path("two-articles.txt"));

    public static IReadOnlyList<HostileInput> All()
    {
        var random = new Random(20261129);
        byte[] Random(int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        var article = Good[..Good.IndexOf("Library reopens", StringComparison.Ordinal)];
        var list = new List<HostileInput>
        {
            new("hostile/empty.txt", [], HostileOutcome.Failed),
            new("hostile/whitespace.txt", Utf8(" \n\t\n   \r\n\n"), HostileOutcome.Failed),
            new("hostile/random-bytes.txt", Random(64 * 1024), HostileOutcome.Failed),
            new("hostile/random-bytes.bin", Random(4096), HostileOutcome.Failed),
            new("hostile/utf16-bom.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(article)).ToArray(), HostileOutcome.Failed),
            new("hostile/utf16-no-bom.txt", Encoding.Unicode.GetBytes(article), HostileOutcome.Failed),
            new("hostile/utf16-big-endian.txt", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(article)).ToArray(), HostileOutcome.Failed),
            new("hostile/latin1.txt", Encoding.Latin1.GetBytes(article.Replace("centre", "centré")), HostileOutcome.Failed),
            new("hostile/nul-in-text.txt", Utf8(article.Insert(200, "\0\0\0")), HostileOutcome.Failed),
            new("hostile/pdf-header.txt", Utf8("%PDF-1.7\n").Concat(Random(2048)).ToArray(), HostileOutcome.Failed),
            new("hostile/gzip.txt", Gzip(Utf8(article)), HostileOutcome.Failed),
            new("hostile/one-megabyte-line.txt", Utf8(new string('x', 1024 * 1024)), null),
            new("hostile/one-megabyte-line-of-words.txt", Utf8(string.Concat(Enumerable.Repeat("word ", 210_000))), null),
            new("hostile/eleven-megabytes.txt", Utf8(string.Concat(Enumerable.Repeat(article, 11 * 1024 * 1024 / article.Length + 1))), HostileOutcome.Failed),
            new("hostile/hundred-thousand-bullets.txt", Utf8(article.Replace("  • The temporary", string.Concat(Enumerable.Repeat("  • bullet\n", 100_000)) + "  • The temporary")), null),
            new("hostile/headline-only.txt", Utf8("A headline and nothing else\n"), HostileOutcome.Failed),
            new("hostile/ten-thousand-character-headline.txt", Utf8(new string('H', 10_000) + "\n\n" + article), null),
            new("hostile/script-in-every-field.txt", Utf8(ScriptEverywhere(article)), HostileOutcome.Published),
            new("hostile/javascript-text.txt", Utf8(article.Replace("A temporary flood barrier", "javascript:alert(document.cookie) A temporary flood barrier")), HostileOutcome.Published),
            new("hostile/bidi-and-zero-width.txt", Utf8(article.Replace("Flood barrier trial", "Flood\u200B barrier\u202E trial")), HostileOutcome.Published),
            new("hostile/crlf-and-bom.txt", Encoding.UTF8.GetPreamble().Concat(Utf8(article.ReplaceLineEndings("\r\n"))).ToArray(), HostileOutcome.Published),
            new("hostile/docx-not-a-zip.docx", Utf8("this is not a Word file"), HostileOutcome.Failed),
            new("hostile/docx-zip-bomb.docx", ZipBomb(), HostileOutcome.Failed),
            new("hostile/docx-empty-zip.docx", EmptyZip(), HostileOutcome.Failed),
            new("hostile/deeply-nested.json", Utf8(new string('[', 100_000) + new string(']', 100_000)), HostileOutcome.Failed),
            new("hostile/json-not-an-article.json", Utf8("""{"hello": "world", "n": 1}"""), HostileOutcome.Failed),
            new("hostile/json-truncated.json", Utf8("""[{"title": "Cut off"""), HostileOutcome.Failed),
            new("hostile/yaml-alias-bomb.md", Utf8(YamlBomb()), HostileOutcome.Failed),
            new("hostile/markdown-unclosed-front-matter.md", Utf8("---\ntitle: never closed\n\nbody"), null),
            new("hostile/unknown.xyz", Random(512), HostileOutcome.Failed),
            new("hostile/odd#hash.txt", Utf8(Unique(article, "hash")), HostileOutcome.Published),
            new("hostile/odd?question.txt", Utf8(Unique(article, "question")), HostileOutcome.Published),
            new("hostile/odd%25percent.txt", Utf8(Unique(article, "percent")), HostileOutcome.Published),
            new("hostile/odd name with spaces.txt", Utf8(Unique(article, "spaces")), HostileOutcome.Published),
            new("hostile/ünïcödé-名前-نام.txt", Utf8(Unique(article, "unicode")), HostileOutcome.Published),
            new("hostile/" + new string('n', 900) + ".txt", Utf8(Unique(article, "long")), HostileOutcome.Published),
        };
        return list;
    }

    private static string Unique(string article, string word) =>
        article.Replace("Flood barrier trial keeps river town dry", $"Flood barrier trial keeps {word} town dry");

    private static string ScriptEverywhere(string article) => article
        .Replace("Flood barrier trial keeps river town dry during spring tide", "Flood barrier " + Payload + " trial")
        .Replace("Engineers watch water levels", Payload + " Engineers watch water levels")
        .Replace("(Photo courtesy: River Authority)", "(" + Payload + ")")
        .Replace("https://source.example/7xk2p", "javascript:alert(1)")
        .Replace("The temporary barrier held back", Payload + " The temporary barrier held back")
        .Replace("MILLBRIDGE:", "MILLBRIDGE </script><script>alert(2)</script>:")
        .Replace("“We were watching", Payload + " “We were watching");

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A .docx-shaped zip whose document part inflates to 200 MB of zeros (a thousand times its size).</summary>
    private static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                document.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private static byte[] EmptyZip()
    {
        using var output = new MemoryStream();
        using (new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return output.ToArray();
    }

    /// <summary>"Billion laughs" in YAML: nine levels of aliases, each nine times the one below.</summary>
    private static string YamlBomb()
    {
        var yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        for (var c = 'b'; c <= 'i'; c++)
        {
            yaml.Append($"{c}: &{c} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n");
            previous = c;
        }

        return yaml.Append("title: *i\n---\nBody\n").ToString();
    }
}
