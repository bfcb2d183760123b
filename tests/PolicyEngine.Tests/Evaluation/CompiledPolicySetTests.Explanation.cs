using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>What Evaluate says besides the decision.</summary>
public sealed partial class CompiledPolicySetTests
{
    [Fact]
    public void Evaluate_ExplicitDeny_NamesTheDenyingStatement()
    {
        // Arrange
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("allow", Allow("s3:*")), Policy("guard", """{"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}""")],
        });

        // Act
        var result = set.Evaluate(Request(Role, "s3:DeleteObject"));

        // Assert
        var deciding = Assert.Single(result.DecidingStatements);
        Assert.Equal(("guard", "NoDelete", "Statement[0]", 1), (deciding.PolicyName, deciding.Sid, deciding.JsonPath, deciding.Line));
        Assert.Equal(DecisionReason.ExplicitDeny, result.Explanation.Reason);
    }

    [Fact]
    public void Evaluate_ConditionFails_ReportsKeyValuesAndMissingKeys()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p",
                Allow("s3:GetObject", "*", ""","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}"""),
                Allow("s3:GetObject", "*", ""","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"""),
                Allow("ec2:*"))],
        });

        var result = set.Evaluate(Request(Role, "s3:GetObject", ObjectArn, null, ("aws:PrincipalTag/team", "ml")));

        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Empty(result.DecidingStatements);
        var statuses = result.Explanation.Statements.Select(static s => s.Status).ToArray();
        Assert.Equal([StatementStatus.ConditionNotMet, StatementStatus.ConditionNotMet, StatementStatus.ActionNotMatched], statuses);
        var failure = result.Explanation.Statements[0].FailedCondition!;
        Assert.Equal(("StringEquals", "aws:PrincipalTag/team", "ml", false), (failure.Operator, failure.Key, failure.RequestValues.Single(), failure.KeyMissing));
        Assert.Equal(["aws:MultiFactorAuthPresent"], result.Explanation.MissingContextKeys.ToArray());
        Assert.Contains("aws:MultiFactorAuthPresent", ExplanationFormatter.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DenyWithNegatedVariableWithoutValue_DeniesAndNamesTheMissingVariable()
    {
        // Arrange: the policy variables page's example: "Access is explicitly denied when aws:principaltag/Team is not set".
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"),
                Deny("s3:GetObject", "*", ""","Condition":{"StringNotEquals":{"s3:ExistingObjectTag/Team":"${aws:PrincipalTag/Team}"}}"""))],
        });

        // Act
        var result = set.Evaluate(Request(Role, "s3:GetObject", ObjectArn, null, ("s3:ExistingObjectTag/Team", "data")));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Equal(1, Assert.Single(result.DecidingStatements).Index);
        Assert.Equal(["aws:PrincipalTag/Team"], result.Explanation.MissingContextKeys.ToArray());
        Assert.Contains("aws:PrincipalTag/Team", ExplanationFormatter.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotResourceWithVariableWithoutValue_ExcludesNothingAndNamesTheVariable()
    {
        // Arrange: "the resource that includes a policy variable with no value will not match any resource", so a
        // NotResource entry with no value excludes nothing and the Deny covers the object.
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"),
                """{"Effect":"Deny","Action":"s3:GetObject","NotResource":"arn:aws:s3:::lake-raw/${aws:PrincipalTag/team}/*"}""")],
        });

        // Act
        var untagged = set.Evaluate(Request(Role, "s3:GetObject", ObjectArn));
        var tagged = set.Evaluate(Request(Role, "s3:GetObject", "arn:aws:s3:::lake-raw/data/x.parquet", null, ("aws:PrincipalTag/team", "data")));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, untagged.Decision);
        Assert.Equal(["aws:PrincipalTag/team"], untagged.Explanation.MissingContextKeys.ToArray());
        Assert.Equal(Decision.Allow, tagged.Decision);
    }

    [Fact]
    public void Compile_PolicyWithGrammarError_ReportsItAndKeepsReadableStatements()
    {
        var broken = NamedPolicy.Parse("broken", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"},{"Effect":"Maybe","Action":"s3:*"}]}""");

        var set = PolicyCompiler.Compile(new PolicySet { IdentityPolicies = [broken, Policy("p", Allow("*"))] });

        var error = Assert.Single(set.Errors);
        Assert.Equal("broken", error.PolicyName);
        Assert.Equal(Decision.ExplicitDeny, set.Decide(Request(Role, "s3:GetObject")));
    }
}
