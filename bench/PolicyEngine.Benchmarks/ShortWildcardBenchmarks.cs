using BenchmarkDotNet.Attributes;
using PolicyEngine.Matching;

namespace PolicyEngine.Benchmarks;

/// <summary>The glob matcher on the short patterns real policies hold, old against new.</summary>
[MemoryDiagnoser]
public class ShortWildcardBenchmarks
{
    private const string Arn = "arn:aws:s3:::data-lake-finance/team/finance/2024/report-0001.csv";
    private const string ArnPattern = "arn:aws:s3:::data-lake-*/team/*/2024/*.csv";
    private const string Action = "s3:GetObjectVersionTagging";
    private const string ActionPattern = "s3:get*tagging";

    [Benchmark(Baseline = true)]
    public bool ShortBacktracking()
        => BacktrackingGlob.IsMatch(ArnPattern, Arn, ignoreCase: false) & BacktrackingGlob.IsMatch(ActionPattern, Action, ignoreCase: true);

    [Benchmark]
    public bool ShortSegments()
        => Wildcard.IsMatch(ArnPattern, Arn, ignoreCase: false) & Wildcard.IsMatch(ActionPattern, Action, ignoreCase: true);
}
