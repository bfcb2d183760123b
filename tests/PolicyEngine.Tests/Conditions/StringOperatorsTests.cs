using CsCheck;
using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Conditions;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
public sealed class StringOperatorsTests
{
    [Theory]
    [InlineData("StringEquals", "data", "data", true)]
    [InlineData("StringEquals", "Data", "data", false)]
    [InlineData("StringEquals", "data-eng", "data-*", false)]
    [InlineData("StringEquals", "data-*", "data-*", true)]
    [InlineData("StringNotEquals", "data", "data", false)]
    [InlineData("StringNotEquals", "Data", "data", true)]
    [InlineData("StringEqualsIgnoreCase", "JohnDoe", "johndoe", true)]
    [InlineData("StringEqualsIgnoreCase", "JohnDoe", "janedoe", false)]
    [InlineData("StringNotEqualsIgnoreCase", "JohnDoe", "johndoe", false)]
    [InlineData("StringNotEqualsIgnoreCase", "JohnDoe", "janedoe", true)]
    [InlineData("StringLike", "data-eng", "data-*", true)]
    [InlineData("StringLike", "Data-eng", "data-*", false)]
    [InlineData("StringLike", "t3.micro", "t?.micro", true)]
    [InlineData("StringLike", "t3.micro", "t?.nano", false)]
    [InlineData("StringNotLike", "data-eng", "data-*", false)]
    [InlineData("StringNotLike", "ops", "data-*", true)]
    public void Evaluate_SingleValue_ComparesAsDocumented(string op, string requestValue, string policyValue, bool expected)
    {
        // Arrange / Act
        var matched = Matches(op, "aws:PrincipalTag/team", requestValue, policyValue);

        // Assert
        Assert.Equal(expected, matched);
    }

    // String operators compare "a key to a string value" and take policy variables: every string is a value.
    [Theory]
    [InlineData("2026-01-31 10:00:00")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("home/${aws:username}/*")]
    [InlineData("${aws:username")]
    [InlineData("\u0661")]
    public void TryParse_AnyString_Reads(string text)
    {
        // Arrange / Act / Assert
        Assert.True(StringOperators.TryParse(text, policyVariables: true, wildcards: false, out _));
        Assert.True(StringOperators.TryParse(text, policyVariables: true, wildcards: true, out _));
        Assert.True(Matches("StringEquals", "k", text.Replace("${", "$", StringComparison.Ordinal), text.Replace("${", "$", StringComparison.Ordinal)));
    }

    [Fact]
    public void Evaluate_SeveralPolicyValues_OrTogether()
    {
        // Arrange / Act
        var matched = Matches("StringEquals", "aws:RequestedRegion", "eu-central-1", "eu-west-1", "eu-central-1");

        // Assert
        Assert.True(matched);
    }

    [Theory]
    [InlineData("eu-central-1", false)]
    [InlineData("us-east-1", true)]
    public void Evaluate_NegatedWithSeveralPolicyValues_IsNor(string region, bool expected)
    {
        // Arrange / Act
        var matched = Matches("StringNotEquals", "aws:RequestedRegion", region, "eu-west-1", "eu-central-1");

        // Assert
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Evaluate_ManyPlainValues_UsesSetAndStillMatches()
    {
        // Arrange
        var values = Enumerable.Range(0, 20).Select(static i => $"acct-{i}").ToArray();

        // Act / Assert
        Assert.True(Matches("StringEquals", "k", "acct-17", values));
        Assert.False(Matches("StringEquals", "k", "ACCT-17", values));
        Assert.True(Matches("StringEqualsIgnoreCase", "k", "ACCT-17", values));
        Assert.False(Matches("StringNotEquals", "k", "acct-3", values));
    }

    [Theory]
    [InlineData("StringEquals", false)]
    [InlineData("StringLike", false)]
    [InlineData("StringEqualsIgnoreCase", false)]
    [InlineData("StringNotEquals", true)]
    [InlineData("StringNotLike", true)]
    [InlineData("StringNotEqualsIgnoreCase", true)]
    [InlineData("StringEqualsIfExists", true)]
    [InlineData("StringNotEqualsIfExists", true)]
    [InlineData("StringLikeIfExists", true)]
    public void Evaluate_KeyAbsent_PositiveFalseNegatedAndIfExistsTrue(string op, bool expected)
    {
        // Arrange
        var condition = Compile(op, "aws:PrincipalTag/contractor", "true");

        // Act
        var outcome = condition.Evaluate(RequestContext.Empty);

        // Assert
        Assert.Equal(expected, outcome.Matched);
        Assert.True(outcome.KeyMissing, "an absent key is reported whatever the result");
    }

    [Fact]
    public void Evaluate_IfExistsKeyPresent_EvaluatesNormally()
    {
        // Arrange / Act / Assert
        Assert.False(Matches("StringLikeIfExists", "ec2:InstanceType", "c5.large", "t3.*", "m5.*"));
        Assert.True(Matches("StringLikeIfExists", "ec2:InstanceType", "t3.large", "t3.*", "m5.*"));
    }

    [Fact]
    public void Evaluate_KeyNameInOtherCase_FindsKey()
    {
        // Arrange
        var condition = Compile("StringEquals", "aws:PrincipalTag/Team", "data");

        // Act
        var outcome = condition.Evaluate(Context(("AWS:principaltag/team", "data")));

        // Assert
        Assert.True(outcome.Matched);
        Assert.False(outcome.KeyMissing);
    }

    // Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    [Theory]
    [InlineData("ForAllValues:StringEquals", new[] { "team" }, true)]
    [InlineData("ForAllValues:StringEquals", new[] { "team", "env" }, true)]
    [InlineData("ForAllValues:StringEquals", new[] { "team", "secret" }, false)]
    [InlineData("ForAnyValue:StringEquals", new[] { "secret", "team" }, true)]
    [InlineData("ForAnyValue:StringEquals", new[] { "secret" }, false)]
    [InlineData("ForAllValues:StringNotEquals", new[] { "owner", "cost" }, true)]
    [InlineData("ForAllValues:StringNotEquals", new[] { "owner", "team" }, false)]
    [InlineData("ForAnyValue:StringNotEquals", new[] { "team", "owner" }, true)]
    [InlineData("ForAnyValue:StringNotEquals", new[] { "team", "env" }, false)]
    [InlineData("ForAnyValue:StringLike", new[] { "x", "costcenter" }, false)]
    public void Evaluate_SetQualifiers_FollowDocumentedSetLogic(string op, string[] requestValues, bool expected)
    {
        // Arrange
        var condition = Compile(op, "aws:TagKeys", "team", "env");

        // Act
        var outcome = condition.Evaluate(MultiContext("aws:TagKeys", requestValues));

        // Assert
        Assert.Equal(expected, outcome.Matched);
    }

    // Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
    [Theory]
    [InlineData(new[] { "key1:legal" }, false)]
    [InlineData(new[] { "key1:hr", "key1:personnel" }, false)]
    [InlineData(new[] { "key2:audit" }, true)]
    public void Evaluate_ForAllValuesStringNotLike_MatchesDocumentedTable(string[] tagKeys, bool expected)
    {
        // Arrange
        var condition = Compile("ForAllValues:StringNotLike", "aws:TagKeys", "key1*");

        // Act / Assert
        Assert.Equal(expected, condition.Evaluate(MultiContext("aws:TagKeys", tagKeys)).Matched);
        Assert.True(condition.Evaluate(RequestContext.Empty).Matched, "ForAllValues holds when the key is absent");
    }

    [Theory]
    [InlineData("ForAllValues:StringEquals", true)]
    [InlineData("ForAnyValue:StringEquals", false)]
    [InlineData("ForAllValues:StringNotEquals", true)]
    [InlineData("ForAnyValue:StringNotEquals", false)]
    public void Evaluate_QualifierKeyAbsentOrEmpty_ForAllTrueForAnyFalse(string op, bool expected)
    {
        // Arrange
        var condition = Compile(op, "aws:TagKeys", "team");

        // Act / Assert
        Assert.Equal(expected, condition.Evaluate(RequestContext.Empty).Matched);
        Assert.Equal(expected, condition.Evaluate(MultiContext("aws:TagKeys")).Matched);
    }

    [Theory]
    [InlineData("StringEquals")]
    [InlineData("StringNotEquals")]
    public void Evaluate_NoQualifierOnMultivaluedKey_DoesNotMatch(string op)
    {
        // Arrange: AWS requires a set operator for a multivalued key; the bare form is taken as not matching.
        var condition = Compile(op, "aws:CalledVia", "athena.amazonaws.com");

        // Act
        var outcome = condition.Evaluate(MultiContext("aws:CalledVia", "athena.amazonaws.com", "glue.amazonaws.com"));

        // Assert
        Assert.False(outcome.Matched);
    }

    // Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    [Fact]
    public void Evaluate_VariableInValue_SubstitutesFromRequest()
    {
        // Arrange
        var condition = Compile("StringEquals", "s3:prefix", "home/${aws:username}/");

        // Act / Assert
        Assert.True(condition.Evaluate(Context(("s3:prefix", "home/alice/"), ("aws:username", "alice"))).Matched);
        Assert.False(condition.Evaluate(Context(("s3:prefix", "home/bob/"), ("aws:username", "alice"))).Matched);
    }

    [Fact]
    public void Evaluate_UnresolvedVariable_NoMatchAndReportsKey()
    {
        // Arrange
        var condition = Compile("StringEquals", "s3:ExistingObjectTag/team", "${aws:PrincipalTag/team}");

        // Act
        var outcome = condition.Evaluate(Context(("s3:ExistingObjectTag/team", "data")));

        // Assert
        Assert.False(outcome.Matched);
        Assert.Equal("aws:PrincipalTag/team", outcome.MissingVariableKey);
    }

    // Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
    // "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value".
    [Theory]
    [InlineData("StringNotEquals", "${aws:PrincipalTag/team}")]
    [InlineData("StringNotLike", "${aws:PrincipalTag/team}*")]
    [InlineData("StringNotEqualsIgnoreCase", "${aws:PrincipalTag/team}")]
    [InlineData("StringNotEqualsIfExists", "${aws:PrincipalTag/team}")]
    public void Evaluate_VariableWithoutValueUnderNegatedOperator_MatchesAndReportsKey(string op, string value)
    {
        // Arrange
        var condition = Compile(op, "aws:ResourceTag/team", value);

        // Act
        var outcome = condition.Evaluate(Context(("aws:ResourceTag/team", "data")));

        // Assert
        Assert.True(outcome.Matched, "the request value is not equal to, nor like, the effectively null value");
        Assert.Equal("aws:PrincipalTag/team", outcome.MissingVariableKey);
    }

    [Theory]
    [InlineData("StringEquals", "${aws:PrincipalTag/team}")]
    [InlineData("StringLike", "*${aws:PrincipalTag/team}*")]
    [InlineData("StringEqualsIgnoreCase", "${aws:PrincipalTag/team}")]
    public void Evaluate_VariableWithoutValueUnderPositiveOperator_DoesNotMatch(string op, string value)
    {
        // Arrange: even a pattern that would match anything around the variable ("there is no equal or like value").
        var condition = Compile(op, "aws:ResourceTag/team", value);

        // Act
        var outcome = condition.Evaluate(Context(("aws:ResourceTag/team", "data")));

        // Assert
        Assert.False(outcome.Matched);
        Assert.Equal("aws:PrincipalTag/team", outcome.MissingVariableKey);
    }

    [Fact]
    public void Evaluate_VariableWithoutValueAmongOtherValues_NegatedIsNorOverTheRest()
    {
        // Arrange: NOR over the values; the null value excludes nothing, the literal still does.
        var condition = Compile("StringNotEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}", "admin");

        // Act / Assert
        Assert.False(condition.Evaluate(Context(("aws:ResourceTag/team", "admin"))).Matched, "the literal value still matches");
        Assert.True(condition.Evaluate(Context(("aws:ResourceTag/team", "data"))).Matched);
    }

    [Fact]
    public void Evaluate_VariableWithDefault_UsesTheDefaultNotNull()
    {
        // Arrange: "${aws:username, 'anon'}" has a value even for a principal without aws:username.
        var condition = Compile("StringNotEquals", "s3:prefix", "${aws:username, 'anon'}");

        // Act
        var outcome = condition.Evaluate(Context(("s3:prefix", "anon")));

        // Assert
        Assert.False(outcome.Matched, "the default is the value compared");
        Assert.Null(outcome.MissingVariableKey);
        Assert.True(condition.Evaluate(Context(("s3:prefix", "bob"))).Matched);
    }

    [Theory]
    [InlineData("ForAllValues:StringNotEquals", true)]
    [InlineData("ForAnyValue:StringNotEquals", true)]
    [InlineData("ForAllValues:StringEquals", false)]
    [InlineData("ForAnyValue:StringLike", false)]
    public void Evaluate_VariableWithoutValueUnderSetQualifier_EachRequestValueComparesWithNull(string op, bool expected)
    {
        // Arrange
        var condition = Compile(op, "aws:TagKeys", "${aws:PrincipalTag/team}");

        // Act
        var outcome = condition.Evaluate(MultiContext("aws:TagKeys", "team", "env"));

        // Assert
        Assert.Equal(expected, outcome.Matched);
        Assert.Equal("aws:PrincipalTag/team", outcome.MissingVariableKey);
    }

    [Fact]
    public void Evaluate_VariableWithoutValueAndKeyAbsent_FollowsTheAbsentKeyRule()
    {
        // Arrange: with the key itself absent, the value is never compared: negated true, positive false.
        var negated = Compile("StringNotEquals", "s3:ExistingObjectTag/team", "${aws:PrincipalTag/team}");
        var positive = Compile("StringEquals", "s3:ExistingObjectTag/team", "${aws:PrincipalTag/team}");

        // Act / Assert
        Assert.True(negated.Evaluate(RequestContext.Empty).Matched);
        Assert.True(negated.Evaluate(RequestContext.Empty).KeyMissing);
        Assert.False(positive.Evaluate(RequestContext.Empty).Matched);
    }

    [Fact]
    public void Evaluate_VariableUnderVersion2008_IsLiteral()
    {
        // Arrange
        var clause = Clause("StringEquals", "s3:prefix", "${aws:username}");
        var condition = PolicyEngine.Evaluation.Conditions.CompiledCondition.Compile(clause, policyVariables: false);

        // Act / Assert
        Assert.True(condition.Evaluate(Context(("s3:prefix", "${aws:username}"), ("aws:username", "alice"))).Matched);
        Assert.False(condition.Evaluate(Context(("s3:prefix", "alice"), ("aws:username", "alice"))).Matched);
    }

    [Fact]
    public void Evaluate_VariableValueWithStar_IsLiteralInStringLike()
    {
        // Arrange
        var condition = Compile("StringLike", "s3:prefix", "home/${aws:username}/*");

        // Act / Assert
        Assert.False(condition.Evaluate(Context(("s3:prefix", "home/bob/x"), ("aws:username", "*"))).Matched);
        Assert.True(condition.Evaluate(Context(("s3:prefix", "home/*/x"), ("aws:username", "*"))).Matched);
    }

    private static readonly Gen<string> SmallString = Gen.String[Gen.Char['a', 'd'], 0, 4];
    private static readonly Gen<string> SmallPattern = Gen.String[Gen.OneOf('a', 'b', '*', '?'), 0, 4];

    [Fact]
    public void Evaluate_AnyStrings_StringNotEqualsIsNegationOfStringEquals()
    {
        Gen.Select(SmallString, SmallString).Sample((request, policy) =>
            Matches("StringNotEquals", "k", request, policy) == !Matches("StringEquals", "k", request, policy));
    }

    [Fact]
    public void Evaluate_AnyStrings_StringNotLikeIsNegationOfStringLike()
    {
        Gen.Select(SmallString, SmallPattern).Sample((request, policy) =>
            Matches("StringNotLike", "k", request, policy) == !Matches("StringLike", "k", request, policy));
    }

    [Fact]
    public void Evaluate_AnyPatternWithVariablePresentOrNot_NegatedIsNegationOfPositive()
    {
        // A policy value with a variable, whose key the request may lack: the negated operator is always the negation of
        // the positive one for a single request value (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
        var operators = Gen.OneOf(("StringEquals", "StringNotEquals"), ("StringLike", "StringNotLike"),
            ("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"), ("ArnLike", "ArnNotLike"));
        Gen.Select(operators, SmallString, SmallPattern, SmallString, Gen.Bool).Sample((ops, request, prefix, tag, tagged) =>
        {
            var value = prefix + "${aws:PrincipalTag/team}";
            var context = tagged ? Context(("k", request), ("aws:PrincipalTag/team", tag)) : Context(("k", request));
            var positive = Compile(ops.Item1, "k", value).Evaluate(context);
            var negated = Compile(ops.Item2, "k", value).Evaluate(context);
            return negated.Matched == !positive.Matched && (negated.MissingVariableKey is null) == tagged;
        });
    }

    [Fact]
    public void Evaluate_PatternWithoutWildcards_StringLikeEqualsStringEquals()
    {
        Gen.Select(SmallString, SmallString).Sample((request, policy) =>
            Matches("StringLike", "k", request, policy) == Matches("StringEquals", "k", request, policy));
    }

    [Fact]
    public void Evaluate_AnyOperatorIfExistsOnAbsentKey_IsTrue()
    {
        // Every IfExists operator, each with a value valid for its family (an invalid value never matches).
        var cases = new (string Operator, string Value)[]
        {
            ("StringEqualsIfExists", "x"), ("StringNotLikeIfExists", "x*"), ("NumericLessThanIfExists", "1"),
            ("NumericNotEqualsIfExists", "1.5"), ("DateGreaterThanIfExists", "2024-01-01"), ("DateNotEqualsIfExists", "1700000000"),
            ("BoolIfExists", "true"), ("BinaryEqualsIfExists", "QUJD"), ("IpAddressIfExists", "10.0.0.0/8"),
            ("NotIpAddressIfExists", "::/0"), ("ArnLikeIfExists", "arn:aws:s3:::b"), ("ArnNotEqualsIfExists", "arn:aws:s3:::b"),
            ("ForAllValues:StringNotEqualsIfExists", "x"), ("ForAllValues:StringEqualsIfExists", "x"),
        };
        Gen.OneOf(cases).Sample(c => Matches(c.Operator, "k", null, c.Value));
    }

    // Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    // ForAnyValue: "For no matching context key or if the key does not exist, the condition returns false"; IfExists does not change it.
    [Theory]
    [InlineData("ForAnyValue:StringEqualsIfExists", "x")]
    [InlineData("ForAnyValue:StringNotEqualsIfExists", "x")]
    [InlineData("ForAnyValue:StringLikeIfExists", "x*")]
    [InlineData("ForAnyValue:StringNotLikeIfExists", "x*")]
    [InlineData("ForAnyValue:ArnLikeIfExists", "arn:aws:s3:::b")]
    [InlineData("ForAnyValue:NumericLessThanIfExists", "1")]
    public void Evaluate_ForAnyValueIfExistsOnAbsentKey_IsFalse(string op, string value)
    {
        // Arrange
        var condition = Compile(op, "aws:TagKeys", value);

        // Act
        var absent = condition.Evaluate(RequestContext.Empty);
        var empty = condition.Evaluate(RequestContext.Create([KeyValuePair.Create("aws:TagKeys", System.Collections.Immutable.ImmutableArray<string>.Empty)]));

        // Assert
        Assert.False(absent.Matched);
        Assert.True(absent.KeyMissing, "the explanation still names the missing key");
        Assert.False(empty.Matched, "a key that resolves to an empty set is treated as absent");
    }

    [Fact]
    public void Evaluate_ForAnyValueIfExistsOnPresentKey_IsForAnyValue()
    {
        // Arrange
        var condition = Compile("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "team");

        // Act / Assert
        Assert.True(condition.Evaluate(MultiContext("aws:TagKeys", "env", "team")).Matched);
        Assert.False(condition.Evaluate(MultiContext("aws:TagKeys", "env")).Matched);
    }
}
