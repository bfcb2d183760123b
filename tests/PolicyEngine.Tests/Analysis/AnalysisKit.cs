using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Analysis;

/// <summary>Builds policy sets and analyzers from inline JSON for the analysis tests.</summary>
internal static class AnalysisKit
{
    public const string User = "arn:aws:iam::111122223333:user/alice";

    public static readonly AnalysisAssumptions Assumptions = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public static PolicySet Identity(params string[] statements)
        => new() { IdentityPolicies = [.. statements.Select((s, i) => NamedPolicy.Parse($"p{i}", Document(s)))] };

    public static string Document(string statements) => $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";

    public static AccessAnalyzer Analyzer(PolicySet set) => AccessAnalyzer.Create(set, User, Assumptions);

    public static AccessAnalyzer Analyzer(params string[] statements) => Analyzer(Identity(statements));
}
