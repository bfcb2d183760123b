using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;
using PolicyEngine.Validation;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Validation.Checks;

/// <summary>
/// IAM4010: <c>IfExists</c> under <c>ForAnyValue</c> has no effect, because <c>ForAnyValue</c> is false when the key is
/// absent (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
/// </summary>
public sealed class ForAnyValueIfExistsCheckTests
{
    private static string Policy(string op) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Action": "ec2:DeleteTags",
            "Resource": "*",
            "Condition": { "{{op}}": { "aws:TagKeys": ["environment", "cost-center"] } }
          }]
        }
        """;

    private static Diagnostic[] Findings(string op)
        => [.. PolicyValidator.Validate(Policy(op), PolicyKind.Identity).Findings.Where(static f => f.Code == DiagnosticCodes.IfExistsUnderForAnyValue)];

    [Theory]
    [InlineData("ForAnyValue:StringEqualsIfExists")]
    [InlineData("ForAnyValue:StringNotLikeIfExists")]
    [InlineData("ForAnyValue:ArnLikeIfExists")]
    public void Validate_ForAnyValueWithIfExists_WarnsAtTheClause(string op)
    {
        // Arrange / Act
        var finding = Assert.Single(Findings(op));

        // Assert
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(7, finding.Location.Line);
        Assert.Contains("`aws:TagKeys`", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"`{op}` is false", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Help);
    }

    [Theory]
    [InlineData("ForAnyValue:StringEquals")]
    [InlineData("ForAllValues:StringEqualsIfExists")]
    [InlineData("StringEqualsIfExists")]
    public void Validate_OtherOperators_NoFinding(string op)
    {
        // Arrange / Act / Assert: ForAllValues and bare IfExists do hold when the key is absent.
        Assert.Empty(Findings(op));
    }

    [Fact]
    public void Validate_EveryForAnyValueOperator_FindingExactlyWhenEvaluatorIgnoresIfExists()
    {
        // Arrange: every ForAnyValue operator, with and without IfExists; one value each family reads.
        var kinds = Enum.GetValues<ConditionOperatorKind>().Where(static k => k != ConditionOperatorKind.Null);
        foreach (var kind in kinds)
        {
            var value = ValueFor(kind);
            foreach (var ifExists in new[] { false, true })
            {
                var op = $"ForAnyValue:{kind}{(ifExists ? "IfExists" : "")}";

                // Act
                var finding = Findings(op).Length > 0;
                var onAbsentKey = Compile(op, "aws:TagKeys", value).Evaluate(RequestContext.Empty).Matched;

                // Assert
                Assert.True(finding == ifExists, $"{op}: finding {finding}");
                Assert.False(onAbsentKey, $"{op} must be false when the key is absent");
            }
        }
    }

    private static string ValueFor(ConditionOperatorKind kind) => kind.ToString() switch
    {
        var n when n.StartsWith("Numeric", StringComparison.Ordinal) => "1",
        var n when n.StartsWith("Date", StringComparison.Ordinal) => "2024-01-01",
        var n when n.StartsWith("Arn", StringComparison.Ordinal) => "arn:aws:s3:::b",
        "Bool" => "true",
        "BinaryEquals" => "QUJD",
        "IpAddress" or "NotIpAddress" => "10.0.0.0/8",
        _ => "x",
    };
}
