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
    private string _middleSegment = "";
    private string _middleWithQuestion = "";

    /// <summary>Text length; the adversarial patterns are about half as long.</summary>
    [Params(1_000, 4_000, 16_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = new string('a', Size);
        _longSegment = "*" + new string('a', Size / 2) + "b";                            // *aaa…ab against aaa…
        _middleSegment = "*" + new string('a', Size / 2) + "b*";                        // a long segment between stars: KMP
        _middleWithQuestion = "*?" + new string('a', Size / 2) + "b*";                  // the same with a '?': searched by sliding
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

    [Benchmark]
    public bool MiddleSegmentBacktracking() => BacktrackingGlob.IsMatch(_middleSegment, _text, ignoreCase: false);

    [Benchmark]
    public bool MiddleSegmentSegments() => Wildcard.IsMatch(_middleSegment, _text, ignoreCase: false);

    [Benchmark]
    public bool MiddleWithQuestionBacktracking() => BacktrackingGlob.IsMatch(_middleWithQuestion, _text, ignoreCase: false);

    [Benchmark]
    public bool MiddleWithQuestionSegments() => Wildcard.IsMatch(_middleWithQuestion, _text, ignoreCase: false);
}
