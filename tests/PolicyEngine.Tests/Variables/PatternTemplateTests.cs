using CsCheck;
using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Variables;
using PolicyEngine.Matching;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Variables;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
public sealed class PatternTemplateTests
{
    private static bool IsMatch(string pattern, string text, RequestContext context, out string? missing, bool policyVariables = true)
        => PatternTemplate.Compile(pattern, policyVariables).IsMatch(text, context, ignoreCase: false, out missing);

    [Fact]
    public void IsMatch_UsernameVariable_Substitutes()
    {
        // Arrange
        var context = Context(("aws:username", "alice"));

        // Act / Assert
        Assert.True(IsMatch("arn:aws:s3:::home-bucket/home/${aws:username}/*", "arn:aws:s3:::home-bucket/home/alice/x", context, out _));
        Assert.False(IsMatch("arn:aws:s3:::home-bucket/home/${aws:username}/*", "arn:aws:s3:::home-bucket/home/bob/x", context, out _));
    }

    [Fact]
    public void IsMatch_VariableKeyInOtherCase_Resolves()
    {
        // Arrange / Act / Assert
        Assert.True(IsMatch("home/${AWS:UserName}/*", "home/alice/x", Context(("aws:username", "alice")), out _));
    }

    [Fact]
    public void IsMatch_Version2008_VariableIsLiteral()
    {
        // Arrange
        var context = Context(("aws:username", "alice"));

        // Act / Assert
        Assert.False(IsMatch("home/${aws:username}/*", "home/alice/x", context, out _, policyVariables: false));
        Assert.True(IsMatch("home/${aws:username}/*", "home/${aws:username}/x", context, out _, policyVariables: false));
        Assert.False(PatternTemplate.Compile("home/${aws:username}", policyVariables: false).HasVariables);
    }

    [Theory]
    [InlineData("team-bucket-${aws:PrincipalTag/team, 'company-wide'}/*", "team-bucket-company-wide/x", true)]
    [InlineData("team-bucket-${aws:PrincipalTag/team,'company-wide'}/*", "team-bucket-company-wide/x", true)]
    [InlineData("team-bucket-${aws:PrincipalTag/team , 'company-wide' }/*", "team-bucket-company-wide/x", true)]
    [InlineData("team-bucket-${aws:PrincipalTag/team, ''}/*", "team-bucket-/x", true)]
    public void IsMatch_DefaultWhenKeyAbsent_UsesDefault(string pattern, string text, bool expected)
    {
        // Arrange / Act
        var matched = IsMatch(pattern, text, RequestContext.Empty, out var missing);

        // Assert
        Assert.Equal(expected, matched);
        Assert.Null(missing);
    }

    [Fact]
    public void IsMatch_DefaultWhenKeyPresent_UsesValue()
    {
        // Arrange
        var context = Context(("aws:PrincipalTag/team", "yellow"));

        // Act / Assert
        Assert.True(IsMatch("team-bucket-${aws:PrincipalTag/team, 'company-wide'}/*", "team-bucket-yellow/x", context, out _));
        Assert.False(IsMatch("team-bucket-${aws:PrincipalTag/team, 'company-wide'}/*", "team-bucket-company-wide/x", context, out _));
    }

    [Fact]
    public void IsMatch_KeyAbsentNoDefault_NoMatchAndReportsKey()
    {
        // Arrange / Act
        var matched = IsMatch("home/${aws:username}/*", "home//x", RequestContext.Empty, out var missing);

        // Assert
        Assert.False(matched);
        Assert.Equal("aws:username", missing);
    }

    [Fact]
    public void IsMatch_MultivaluedKeyAsVariable_IsNotSubstituted()
    {
        // Arrange: only single-valued keys can be policy variables.
        var context = MultiContext("aws:TagKeys", "a", "b");

        // Act
        var matched = IsMatch("x/${aws:TagKeys}", "x/a", context, out var missing);

        // Assert
        Assert.False(matched);
        Assert.Equal("aws:TagKeys", missing);
    }

    [Theory]
    [InlineData("lake/what${?}", "lake/what?", true)]
    [InlineData("lake/what${?}", "lake/whatX", false)]
    [InlineData("lake/literal-${*}-name", "lake/literal-*-name", true)]
    [InlineData("lake/literal-${*}-name", "lake/literal-X-name", false)]
    [InlineData("price-${$}5", "price-$5", true)]
    [InlineData("a*${*}", "abc*", true)]
    [InlineData("a*${*}", "abc", false)]
    public void IsMatch_Specials_AreLiteral(string pattern, string text, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, IsMatch(pattern, text, RequestContext.Empty, out _));
    }

    [Fact]
    public void IsMatch_SubstitutedWildcards_AreLiteral()
    {
        // Arrange
        var context = Context(("aws:username", "a?c*"));

        // Act / Assert
        Assert.False(IsMatch("home/${aws:username}", "home/abcd", context, out _));
        Assert.True(IsMatch("home/${aws:username}", "home/a?c*", context, out _));
        Assert.True(IsMatch("home/${aws:username}/*", "home/a?c*/deep/x", context, out _));
    }

    [Theory]
    [InlineData("a${b")]
    [InlineData("a${}b")]
    [InlineData("a${k, none}b")]
    [InlineData("a${k, 'x}b")]
    public void Compile_MalformedVariable_IsLiteral(string pattern)
    {
        // Arrange / Act
        var template = PatternTemplate.Compile(pattern, policyVariables: true);

        // Assert
        Assert.False(template.HasVariables);
        Assert.True(template.IsMatch(pattern, RequestContext.Empty, ignoreCase: false, out _));
    }

    [Fact]
    public void IsMatch_LongSubstitution_UsesPooledBufferAndMatches()
    {
        // Arrange
        var value = new string('v', 600);
        var context = Context(("k", value));

        // Act / Assert
        Assert.True(IsMatch("p/${k}/*", $"p/{value}/x", context, out _));
        Assert.False(IsMatch("p/${k}/*", $"p/{value}x/x", context, out _));
    }

    [Fact]
    public void IsMatch_NoVariables_AgreesWithWildcard()
    {
        var chars = Gen.OneOf('a', 'b', '*', '?', ':');
        Gen.Select(Gen.String[chars, 0, 6], Gen.String[Gen.OneOf('a', 'b', ':'), 0, 6]).Sample((pattern, text) =>
            PatternTemplate.Compile(pattern, policyVariables: true).IsMatch(text, RequestContext.Empty, ignoreCase: false, out _)
                == Wildcard.IsMatch(pattern, text, ignoreCase: false));
    }

    [Fact]
    public void IsMatch_SubstitutedValue_EqualsPatternWithValueEscapedLiterally()
    {
        // For a value without wildcards, substituting it equals writing it into the pattern.
        var plain = Gen.String[Gen.OneOf('a', 'b'), 0, 4];
        Gen.Select(plain, plain, Gen.String[Gen.OneOf('a', 'b', '*'), 0, 3], Gen.String[Gen.OneOf('a', 'b'), 0, 8])
            .Sample((value, prefix, suffix, text) =>
            {
                var context = Context(("k", value));
                return IsMatch(prefix + "${k}" + suffix, text, context, out _) == Wildcard.IsMatch(prefix + value + suffix, text, ignoreCase: false);
            });
    }

    [Fact]
    public void IsMatch_MoreSegmentsThanStackSlots_ResolvesAll()
    {
        // Arrange: 10 variables and 10 literals, past the 8 values kept on the stack.
        var pattern = string.Concat(Enumerable.Range(0, 10).Select(static i => $"-${{k{i}}}"));
        var context = Context([.. Enumerable.Range(0, 10).Select(static i => ($"k{i}", $"v{i}"))]);
        var text = string.Concat(Enumerable.Range(0, 10).Select(static i => $"-v{i}"));

        // Act / Assert
        Assert.True(IsMatch(pattern, text, context, out _));
        Assert.True(IsMatch(pattern + "*", text + "tail", context, out _));
        Assert.False(IsMatch(pattern, text + "x", context, out _));
    }
}
