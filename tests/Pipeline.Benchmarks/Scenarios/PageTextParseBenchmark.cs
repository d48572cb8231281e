using BenchmarkDotNet.Attributes;
using Pipeline.Core.Parsing;

namespace Pipeline.Benchmarks.Scenarios;

/// <summary>One parse of the whole corpus: decoding, line classification, article splitting and field reading.</summary>
public class PageTextParseBenchmark
{
    private readonly PageTextParser _parser = new();
    private readonly ParseContext _context = new("desk/corpus.txt", new DateTimeOffset(2026, 2, 14, 12, 0, 0, TimeSpan.Zero)) { MaxBytes = long.MaxValue };
    private byte[] _corpus = [];

    public int CorpusBytes => _corpus.Length;

    [GlobalSetup]
    public void Setup() => _corpus = PageTextCorpus.Build();

    [Benchmark]
    public int Parse() => _parser.Parse(_corpus, _context).Articles.Count;
}
