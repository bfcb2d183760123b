using CsCheck;
using PolicyEngine.Analysis;
using PolicyEngine.Tests.Properties;

namespace PolicyEngine.Tests.Analysis;

/// <summary><see cref="AccessAnalyzer.QuickVerdict"/>: the explanation-free decision role chains use, which must agree with <see cref="AccessAnalyzer.Check"/>.</summary>
public sealed class AccessAnalyzerQuickVerdictTests
{
    private const string Role = "arn:aws:iam::111122223333:role/target";

    [Fact]
    public void QuickVerdict_GeneratedSetsAndRequests_AgreesWithCheckWheneverItAnswers()
    {
        // Arrange: generated sets of every kind (the team condition makes about a quarter of statements conditional).
        var answered = 0;

        // Act / Assert
        Gen.Select(PolicyGenerators.Set, PolicyGenerators.Request).Sample((set, request) =>
        {
            // The generator may give two policies one name: Check tells their statements apart all the same.
            var analyzer = AccessAnalyzer.Create(set.ToPolicySet(), request.Principal, AnalysisKit.Assumptions);
            var quick = analyzer.QuickVerdict(request.Action, request.Resource);
            if (quick is null)
            {
                return true;
            }
            Interlocked.Increment(ref answered);
            return quick == analyzer.Check(request.Action, request.Resource).Verdict;
        }, iter: 3000);
        Assert.True(answered > 300, $"only {answered} of 3,000 generated cases were answered without conditions");
    }

    [Fact]
    public void QuickVerdict_ConditionOnTheAction_LeavesItToCheck()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""");

        // Act
        var quick = analyzer.QuickVerdict("sts:AssumeRole", Role);

        // Assert
        Assert.Null(quick);
        Assert.Equal(AccessVerdict.Conditional, analyzer.Check("sts:AssumeRole", Role).Verdict);
    }

    [Fact]
    public void QuickVerdict_ConditionOnAnotherAction_DecidesThisOne()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/t*"}""",
            """{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""");

        // Act
        var allowed = analyzer.QuickVerdict("sts:AssumeRole", Role);
        var denied = analyzer.QuickVerdict("sts:AssumeRole", "arn:aws:iam::111122223333:role/other");

        // Assert
        Assert.Equal(AccessVerdict.Allowed, allowed);
        Assert.Equal(AccessVerdict.Denied, denied);
    }
}
