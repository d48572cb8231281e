using System.Diagnostics;
using System.Text;
using Pipeline.Core.Parsing;

namespace Pipeline.Core.Tests.Parsing;

/// <summary>
/// Mangled and hostile uploads: every parser must return (never throw) and finish in bounded time. The time bounds
/// are generous on purpose; they catch a quadratic path or a loop, not a slow machine.
/// </summary>
public sealed class RobustnessTests
{
    private const int Seed = 20260214;
    private static readonly TimeSpan PerFileBound = TimeSpan.FromSeconds(5);

    private static readonly IArticleParser[] Parsers = [new PageTextParser(), new MarkdownArticleParser(), new JsonArticleParser(), new WordArticleParser()];

    private static IEnumerable<byte[]> Originals()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return File.ReadAllBytes(file);
        }

        yield return WordDocuments.Create(("Title", "Headline"), ("List", "Point"), (null, "DUBAI: Body."));
    }

    [Fact]
    public void Parse_RandomlyMangledFixtures_NeverThrowsAndFinishesQuickly()
    {
        var random = new Random(Seed);
        var originals = Originals().ToList();
        var runs = 0;
        foreach (var original in originals)
        {
            for (var round = 0; round < 40; round++)
            {
                var mangled = Mangle(original, random);
                foreach (var parser in Parsers)
                {
                    AssertReturnsInTime(parser, mangled);
                    runs++;
                }
            }
        }

        Assert.True(runs > 1000);
    }

    [Fact]
    public void Parse_RandomBytes_FailsWithAReasonInsteadOfThrowing()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 20_000)];
            random.NextBytes(bytes);
            foreach (var parser in Parsers)
            {
                var result = AssertReturnsInTime(parser, bytes);
                Assert.True(result.Succeeded || result.Errors.Count > 0);
            }
        }
    }

    public static TheoryData<string> Pathological() =>
    [
        "one 5 MB line",
        "100 000 bullets",
        "100 000 Updated lines",
        "100 000 identical headlines",
        "headline and Follow alternating",
        "100 000 blank lines between two headlines",
        "10 000 nested JSON arrays",
        "YAML nested 10 000 deep",
        "Markdown lists nested 2 000 deep",
    ];

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Parse_PathologicalInput_FinishesInBoundedTime(string shape)
    {
        var text = shape switch
        {
            "one 5 MB line" => new string('a', 5 * 1024 * 1024),
            "100 000 bullets" => "Headline\nUpdated 5 sec ago\nFollow\nHeadline\n" + string.Concat(Enumerable.Repeat("  • point\n", 100_000)) + "DUBAI: Body.\n",
            "100 000 Updated lines" => "Headline\n" + string.Concat(Enumerable.Repeat("Updated 5 sec ago\nText line\n", 100_000)),
            "100 000 identical headlines" => string.Concat(Enumerable.Repeat("Same line\n", 100_000)),
            "headline and Follow alternating" => string.Concat(Enumerable.Repeat("Headline\nFollow\n", 100_000)),
            "100 000 blank lines between two headlines" => "Headline\n" + new string('\n', 100_000) + "Updated 1 hour ago\nHeadline\nDUBAI: Body.\n",
            "10 000 nested JSON arrays" => new string('[', 10_000) + new string(']', 10_000),
            "YAML nested 10 000 deep" => "---\ntitle: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\nBody.\n",
            "Markdown lists nested 2 000 deep" => "# Title\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 2) + "- item\n")),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        var bytes = Encoding.UTF8.GetBytes(text);

        foreach (var parser in Parsers)
        {
            AssertReturnsInTime(parser, bytes);
        }
    }

    [Fact]
    public void Parse_100000Bullets_KeepsThemAllAsSummary()
    {
        var text = "Headline\nUpdated 5 sec ago\nFollow\nHeadline\n" + string.Concat(Enumerable.Repeat("  • point\n", 100_000)) + "DUBAI: Body.\n";

        var article = Assert.Single(new PageTextParser().ParseText(text, Fixtures.Context("a.txt")).Articles);

        Assert.Equal(100_000, article.Summary.Count);
        Assert.Equal("DUBAI", article.Dateline);
    }

    private static ParseResult AssertReturnsInTime(IArticleParser parser, byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var result = parser.Parse(bytes, Fixtures.Context("upload" + parser.Extensions.First()));
        watch.Stop();
        Assert.True(watch.Elapsed < PerFileBound, $"{parser.GetType().Name} took {watch.Elapsed} on {bytes.Length} bytes");
        return result;
    }

    private static byte[] Mangle(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
                return bytes[..random.Next(bytes.Length + 1)];
            case 1:
                for (var i = 0; i < 1 + random.Next(20); i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 2:
                for (var i = 0; i < 1 + random.Next(20); i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 3:
                // A slice moved elsewhere: lines out of order, as in a careless copy.
                var start = random.Next(bytes.Length);
                var length = random.Next(bytes.Length - start);
                var slice = bytes[start..(start + length)];
                var rest = bytes[..start].Concat(bytes[(start + length)..]).ToList();
                rest.InsertRange(random.Next(rest.Count + 1), slice);
                return [.. rest];
            default:
                return [.. bytes, .. bytes];
        }
    }
}
