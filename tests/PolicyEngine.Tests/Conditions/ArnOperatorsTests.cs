using PolicyEngine.Evaluation.Conditions;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
public sealed class ArnOperatorsTests
{
    private const string Topic = "arn:aws:sns:eu-west-1:111122223333:topic-a";

    [Theory]
    [InlineData("ArnEquals", "arn:aws:sns:eu-west-1:111122223333:topic-*", true)]
    [InlineData("ArnLike", "arn:aws:sns:eu-west-1:111122223333:topic-*", true)]
    [InlineData("ArnLike", "arn:aws:sns:eu-west-1:111122223333:Topic-*", false)]
    [InlineData("ArnLike", "arn:aws:sns:*:*:topic-?", true)]
    [InlineData("ArnLike", "arn:aws:sns:::topic-a", false)]
    [InlineData("ArnLike", "*", true)]
    [InlineData("ArnNotLike", "arn:aws:sns:eu-west-1:111122223333:topic-*", false)]
    [InlineData("ArnNotEquals", "arn:aws:sns:eu-west-1:444455556666:*", true)]
    public void Evaluate_Arns_CompareComponentWise(string op, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches(op, "aws:SourceArn", Topic, policy));
    }

    // "The ARN is considered a string" and ARN operators take policy variables: every string is a value.
    [Theory]
    [InlineData("2026-01-31 10:00:00")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("arn:aws:iam::${aws:PrincipalAccount}:role/x")]
    [InlineData("arn:aws:sns:eu-west-1:111122223333:topic-a")]
    public void TryParse_AnyString_Reads(string text)
    {
        // Arrange / Act / Assert
        Assert.True(ArnOperators.TryParse(text, policyVariables: true, out _));
    }

    [Fact]
    public void Evaluate_StarInComponent_DoesNotCrossColon()
    {
        // Arrange: the documented example; StringLike matches it, ArnLike does not.
        const string request = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        const string policy = "arn:aws:someservice:*:111122223333:finance/*";

        // Act / Assert
        Assert.True(Matches("StringLike", "aws:SourceArn", request, policy));
        Assert.False(Matches("ArnLike", "aws:SourceArn", request, policy));
    }

    [Fact]
    public void Evaluate_ResourceWithColons_IsOneComponent()
    {
        // Arrange / Act / Assert
        Assert.True(Matches("ArnLike", "aws:SourceArn", "arn:aws:logs:us-east-1:111122223333:log-group:app:*", "arn:aws:logs:*:111122223333:log-group:*"));
    }

    [Fact]
    public void Evaluate_VariableInComponent_Substitutes()
    {
        // Arrange
        var condition = Compile("ArnLike", "aws:PrincipalArn", "arn:aws:iam::${aws:PrincipalAccount}:role/${aws:PrincipalTag/team}-*");
        var context = Context(("aws:PrincipalArn", "arn:aws:iam::111122223333:role/data-eng"), ("aws:PrincipalAccount", "111122223333"), ("aws:PrincipalTag/team", "data"));

        // Act / Assert
        Assert.True(condition.Evaluate(context).Matched);
    }

    [Fact]
    public void Evaluate_WholeValueVariable_MatchesWholeArn()
    {
        // Arrange
        var condition = Compile("ArnEquals", "aws:SourceArn", "${aws:PrincipalArn}");

        // Act / Assert
        Assert.True(condition.Evaluate(Context(("aws:SourceArn", Topic), ("aws:PrincipalArn", Topic))).Matched);
        Assert.False(condition.Evaluate(Context(("aws:SourceArn", Topic), ("aws:PrincipalArn", Topic + "x"))).Matched);
    }

    // Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
    [Theory]
    [InlineData("ArnNotEquals", "arn:aws:iam::111122223333:role/${aws:PrincipalTag/team}-*", true)]
    [InlineData("ArnNotLike", "${aws:PrincipalTag/arn}", true)]
    [InlineData("ArnEquals", "arn:aws:iam::111122223333:role/${aws:PrincipalTag/team}-*", false)]
    [InlineData("ArnLike", "${aws:PrincipalTag/arn}", false)]
    public void Evaluate_VariableWithoutValue_NegatedMatchesPositiveDoesNot(string op, string policy, bool expected)
    {
        // Arrange
        var condition = Compile(op, "aws:PrincipalArn", policy);

        // Act
        var outcome = condition.Evaluate(Context(("aws:PrincipalArn", "arn:aws:iam::111122223333:role/data-eng")));

        // Assert
        Assert.Equal(expected, outcome.Matched);
        Assert.NotNull(outcome.MissingVariableKey);
    }

    [Fact]
    public void Evaluate_VariableWithoutValueAndRequestNotAnArn_NeitherHolds()
    {
        // Arrange: the request value is not an ARN, which stays undecidable whatever the policy value.
        var condition = Compile("ArnNotLike", "aws:SourceArn", "arn:aws:sns:*:*:${aws:PrincipalTag/topic}");

        // Act / Assert
        Assert.False(condition.Evaluate(Context(("aws:SourceArn", "bucket"))).Matched);
    }

    [Fact]
    public void Evaluate_KeyAbsentOrNotAnArn_AsDocumented()
    {
        // Arrange / Act / Assert
        Assert.False(Matches("ArnLike", "aws:SourceArn", null, "arn:aws:s3:::*"));
        Assert.True(Matches("ArnNotLike", "aws:SourceArn", null, "arn:aws:s3:::*"));
        Assert.False(Matches("ArnLike", "aws:SourceArn", "bucket", "arn:aws:s3:::*"));
        Assert.False(Matches("ArnNotLike", "aws:SourceArn", "bucket", "arn:aws:s3:::*"));
    }
}
