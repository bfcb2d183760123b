using BenchmarkDotNet.Attributes;
using PolicyEngine.Matching;

namespace PolicyEngine.Benchmarks;

/// <summary>
/// The glob matcher on adversarial patterns at growing sizes, against the backtracking matcher it replaced
/// (kept below as the baseline), and on the short patterns policies are made of.
/// </summary>
[MemoryDiagnoser]
public class WildcardBenchmarks
{
    private string _text = "";
    private string _longSegment = "";
    private string _manyStars = "";

    /// <summary>Text length; the adversarial patterns are about half as long.</summary>
    [Params(1_000, 4_000, 16_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = new string('a', Size);
        _longSegment = "*" + new string('a', Size / 2) + "b";                            // *aaa…ab against aaa…
        _manyStars = string.Concat(Enumerable.Repeat("*a", Size / 4)) + "*" + new string('a', Size / 4) + "b"; // *a*a*…aaa…ab
    }

    [Benchmark(Baseline = true)]
    public bool LongSegmentBacktracking() => BacktrackingGlob.IsMatch(_longSegment, _text, ignoreCase: false);

    [Benchmark]
    public bool LongSegmentSegments() => Wildcard.IsMatch(_longSegment, _text, ignoreCase: false);

    [Benchmark]
    public bool ManyStarsBacktracking() => BacktrackingGlob.IsMatch(_manyStars, _text, ignoreCase: false);

    [Benchmark]
    public bool ManyStarsSegments() => Wildcard.IsMatch(_manyStars, _text, ignoreCase: false);
}
