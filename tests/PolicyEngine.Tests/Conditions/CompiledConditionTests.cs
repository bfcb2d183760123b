using System.Collections.Immutable;
using CsCheck;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
public sealed class CompiledConditionTests
{
    private static readonly string[] Operators =
    [
        .. Enum.GetValues<ConditionOperatorKind>().Select(static k => k.ToString()),
        .. Enum.GetValues<ConditionOperatorKind>().Where(static k => k != ConditionOperatorKind.Null).Select(static k => "ForAllValues:" + k + "IfExists"),
        .. Enum.GetValues<ConditionOperatorKind>().Where(static k => k != ConditionOperatorKind.Null).Select(static k => "ForAnyValue:" + k),
    ];

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String[Gen.Char[' ', '~'], 0, 12],
        Gen.OneOf("10.0.0.0/8", "::1", "2024-01-01T00:00:00Z", "1700000000", "true", "1.5", "arn:aws:s3:::b/*", "${k}", "${*}", "QUJD", ""));

    [Fact]
    public void Evaluate_AnyOperatorValuesAndRequest_NeverThrows()
    {
        Gen.Select(Gen.OneOf(Operators), Texts.Array[1, 3], Texts.Array[0, 3], Gen.Bool).Sample((op, policyValues, requestValues, variables) =>
        {
            var clause = Clause(op, "k", policyValues);
            var condition = PolicyEngine.Evaluation.Conditions.CompiledCondition.Compile(clause, variables);
            var context = RequestContext.Create([KeyValuePair.Create("k", ImmutableArray.Create(requestValues))]);
            _ = condition.Evaluate(context);
            _ = condition.Evaluate(RequestContext.Empty);
        });
    }

    [Fact]
    public void Evaluate_PresentKey_ReportsNoMissingKey()
    {
        // Arrange
        var condition = Compile("StringEquals", "aws:PrincipalTag/team", "data");

        // Act
        var outcome = condition.Evaluate(Context(("aws:PrincipalTag/team", "ops")));

        // Assert
        Assert.False(outcome.Matched);
        Assert.False(outcome.KeyMissing);
        Assert.Null(outcome.MissingVariableKey);
    }

    [Fact]
    public void Compile_ExposesClauseAndKey()
    {
        // Arrange
        var clause = Clause("StringLike", "s3:prefix", "home/*");

        // Act
        var condition = PolicyEngine.Evaluation.Conditions.CompiledCondition.Compile(clause, policyVariables: true);

        // Assert
        Assert.Same(clause, condition.Clause);
        Assert.Equal("s3:prefix", condition.Key);
        Assert.False(condition.NeverMatches);
    }
}
