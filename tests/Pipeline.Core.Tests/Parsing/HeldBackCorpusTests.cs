namespace Pipeline.Core.Tests.Parsing;

/// <summary>
/// A second set of page texts in real shapes (Parsing/HeldBack), written after the reader was taught the first corpus
/// and measured before any change was made for it: the figure of how the reader does on pages it was not tuned on.
/// </summary>
public sealed class HeldBackCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Parsing", "HeldBack");

    /// <summary>Files the reader still misreads in some field, with what goes wrong (see RealShapesCorpusTests).</summary>
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal)
    {
        ["HB-19-com-no-headline-topic-only-reuters.txt"] = "a story copied without its headline, below a topic label: held, but its caption and summary are read as body",
    };

    public static TheoryData<string> Files() => new(RealShapesCorpusTests.FilesIn(Folder).Where(f => !KnownGaps.ContainsKey(f)));

    public static TheoryData<string> Gaps() => new(KnownGaps.Keys);

    [Fact]
    public void HeldBack_IsThere()
    {
        Assert.True(RealShapesCorpusTests.FilesIn(Folder).Count >= 20, "the held-back set is missing");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_HeldBackShape_ReadsEveryFieldRight(string file)
    {
        var wrong = RealShapesCorpusTests.Misreads(Folder, file);
        Assert.True(wrong.Count == 0, $"{file}:\n  " + string.Join("\n  ", wrong));
    }

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Parse_KnownGap_IsStillAGap(string file) => Assert.NotEmpty(RealShapesCorpusTests.Misreads(Folder, file));
}
