using System.Text.Json;
using CsCheck;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Model;
using PolicyEngine.Validation;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Validation.Checks;

/// <summary>
/// The validator's value finding (IAM4009) and the evaluator read condition values with one grammar per family:
/// a finding exactly when the family's <c>TryParse</c> fails, exactly when the compiled clause never matches, and a
/// value that reads is matched by a request holding an equal value.
/// </summary>
public sealed class ConditionValueCheckTests
{
    private const int Iterations = 2_000;

    private static string Policy(string op, string key, string value, string version = "2012-10-17")
        => JsonSerializer.Serialize(new
        {
            Version = version,
            Statement = new[]
            {
                new Dictionary<string, object>
                {
                    ["Effect"] = "Allow",
                    ["Action"] = "s3:GetObject",
                    ["Resource"] = "*",
                    ["Condition"] = new Dictionary<string, object> { [op] = new Dictionary<string, string> { [key] = value } },
                },
            },
        });

    private static Diagnostic[] ValueFindings(string op, string key, string value, string version = "2012-10-17")
        => [.. PolicyValidator.Validate(Policy(op, key, value, version), PolicyKind.Identity).Findings
            .Where(static f => f.Code == DiagnosticCodes.ConditionValueTypeMismatch)];

    /// <summary>Validator finding ⇔ the family cannot read the value ⇔ the compiled clause never matches.</summary>
    private static void AssertOneGrammar(string op, string key, string value, bool read)
    {
        var finding = ValueFindings(op, key, value).Length > 0;
        var never = CompiledCondition.Compile(Clause(op, key, value), policyVariables: true).NeverMatches;
        Assert.True(finding == !read, $"`{op}` `{value}`: read {read}, finding {finding}");
        Assert.True(never == !read, $"`{op}` `{value}`: read {read}, never matches {never}");
    }

    /// <summary>Samples <paramref name="values"/>, checking each, and asserts that both readable values and near misses came up.</summary>
    private static void SampleBothWays(Gen<string> values, Func<string, bool> read, Action<string, bool> check)
    {
        int readable = 0, unreadable = 0;
        values.Sample(value =>
        {
            var ok = read(value);
            Interlocked.Increment(ref ok ? ref readable : ref unreadable);
            check(value, ok);
        }, iter: Iterations);
        Assert.True(readable > Iterations / 20 && unreadable > Iterations / 20, $"{readable} readable and {unreadable} unreadable values");
    }

    [Theory]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "2026-01-31 10:00:00")]
    [InlineData("DateLessThan", "aws:CurrentTime", "1e3")]
    [InlineData("DateLessThan", "aws:CurrentTime", "2026-01-31T10:00:00")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "1e3")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "2026-01-31 10:00:00")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", " 3600")]
    [InlineData("IpAddress", "aws:SourceIp", "1e3")]
    [InlineData("NotIpAddress", "aws:SourceIp", "2001:db8::/129")]
    [InlineData("Bool", "aws:SecureTransport", "1e3")]
    [InlineData("Null", "aws:TokenIssueTime", "2026-01-31 10:00:00")]
    [InlineData("BinaryEquals", "aws:PrincipalTag/blob", "QU JD")]
    public void Check_ValueItsFamilyCannotRead_ReportsWarning(string op, string key, string value)
    {
        // Arrange / Act
        var finding = Assert.Single(ValueFindings(op, key, value));

        // Assert
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith($"`{value}` is not ", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith($", so `{op}` never matches it", finding.Message, StringComparison.Ordinal);
        Assert.Equal($"Statement[0].Condition.{op}.{key}", finding.Location.Path);
        Assert.NotNull(finding.Help);
        Assert.DoesNotContain(".", finding.Message[^1..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StringEquals", "aws:PrincipalTag/team", "2026-01-31 10:00:00")]
    [InlineData("StringLike", "s3:prefix", "1e3")]
    [InlineData("ArnLike", "aws:SourceArn", "1e3")]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "2026-01-31T10:00:00Z")]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "1769853600")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "3600")]
    [InlineData("IpAddress", "aws:SourceIp", "2001:DB8:1234:5678::/64")]
    [InlineData("Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}")]
    [InlineData("Null", "aws:TokenIssueTime", "TRUE")]
    [InlineData("BinaryEquals", "aws:PrincipalTag/blob", "QmluYXJ5VmFsdWVJbkJhc2U2NA==")]
    public void Check_ValueItsFamilyReads_ReportsNothing(string op, string key, string value)
    {
        // Arrange / Act / Assert
        Assert.Empty(ValueFindings(op, key, value));
    }

    [Theory]
    [InlineData("DateLessThan", "aws:CurrentTime", "${aws:TokenIssueTime}")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "${aws:PrincipalTag/maxAge}")]
    [InlineData("IpAddress", "aws:SourceIp", "${aws:PrincipalTag/office}")]
    [InlineData("Null", "aws:TokenIssueTime", "${aws:PrincipalTag/x}")]
    [InlineData("BinaryEquals", "aws:PrincipalTag/blob", "${aws:PrincipalTag/x}")]
    public void Check_PolicyVariableWhereNotSubstituted_ReportsWithVariableHelp(string op, string key, string value)
    {
        // Arrange / Act: the condition operators page says these families take no policy variable.
        var finding = Assert.Single(ValueFindings(op, key, value));

        // Assert
        Assert.Equal("policy variables are substituted only in String, ARN and Bool values", finding.Help);
        Assert.True(CompiledCondition.Compile(Clause(op, key, value), policyVariables: true).NeverMatches);
    }

    [Fact]
    public void Check_BoolVariableUnderVersion2008_ReportsWithVersionHelp()
    {
        // Arrange / Act
        var finding = Assert.Single(ValueFindings("Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}", "2008-10-17"));

        // Assert
        Assert.Equal("policy variables are substituted only under `\"Version\": \"2012-10-17\"`", finding.Help);
        Assert.True(CompiledCondition.Compile(Clause("Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}"), policyVariables: false).NeverMatches);
    }

    [Fact]
    public void Check_AnyOperatorAndValue_FindingIffClauseNeverMatches()
    {
        var operators = Enum.GetValues<ConditionOperatorKind>().Select(static k => k.ToString()).ToArray();
        var values = Gen.OneOf(ConditionValueGenerators.Numeric, ConditionValueGenerators.Date, ConditionValueGenerators.IpAddress,
            ConditionValueGenerators.Bool, ConditionValueGenerators.Binary, ConditionValueGenerators.Text,
            Gen.OneOf("${aws:username}", "t${aws:x}", "${aws:x}x", "${*}"));
        Gen.Select(Gen.OneOf(operators), values, Gen.Bool).Sample((op, value, modern) =>
        {
            var version = modern ? "2012-10-17" : "2008-10-17";
            var finding = ValueFindings(op, "k", value, version).Length > 0;
            var never = CompiledCondition.Compile(Clause(op, "k", value), policyVariables: modern).NeverMatches;
            Assert.True(finding == never, $"`{op}` `{value}` under {version}: finding {finding}, never matches {never}");
        }, iter: Iterations);
    }

    [Fact]
    public void Check_NumericValues_OneGrammarAndEqualValueMatches()
        => SampleBothWays(ConditionValueGenerators.Numeric, static value => NumericOperators.TryParse(value, out _), static (value, read) =>
        {
            AssertOneGrammar("NumericEquals", "k", value, read);
            if (read)
            {
                Assert.True(Matches("NumericEquals", "k", value, value));
                Assert.True(Matches("NumericLessThanEquals", "k", value, value));
                Assert.True(Matches("NumericGreaterThanEquals", "k", value, value));
                Assert.False(Matches("NumericLessThan", "k", value, value));
                Assert.False(Matches("NumericNotEquals", "k", value, value));
            }
        });

    [Fact]
    public void Check_DateValues_OneGrammarAndEqualValueMatches()
        => SampleBothWays(ConditionValueGenerators.Date, static value => DateOperators.TryParse(value, out _), static (value, read) =>
        {
            AssertOneGrammar("DateEquals", "aws:CurrentTime", value, read);
            if (read)
            {
                Assert.True(Matches("DateEquals", "aws:CurrentTime", value, value));
                Assert.True(Matches("DateLessThanEquals", "aws:CurrentTime", value, value));
                Assert.True(Matches("DateGreaterThanEquals", "aws:CurrentTime", value, value));
                Assert.False(Matches("DateGreaterThan", "aws:CurrentTime", value, value));
                Assert.False(Matches("DateNotEquals", "aws:CurrentTime", value, value));
            }
        });

    [Fact]
    public void Check_IpAddressValues_OneGrammarAndAddressInRangeMatches()
        => SampleBothWays(ConditionValueGenerators.IpAddress, static value => IpAddressOperators.TryParse(value, out _, out _), static (value, read) =>
        {
            AssertOneGrammar("IpAddress", "aws:SourceIp", value, read);
            if (read)
            {
                // The address as written lies in its own range: bits past the prefix are ignored.
                var address = value.Split('/')[0];
                Assert.True(Matches("IpAddress", "aws:SourceIp", address, value));
                Assert.False(Matches("NotIpAddress", "aws:SourceIp", address, value));
            }
        });

    [Fact]
    public void Check_BoolValues_OneGrammarAndEqualValueMatches()
        => SampleBothWays(ConditionValueGenerators.Bool, static value => BoolOperator.TryParse(value, policyVariables: true, out _), static (value, read) =>
        {
            AssertOneGrammar("Bool", "aws:SecureTransport", value, read);
            if (read)
            {
                Assert.True(Matches("Bool", "aws:SecureTransport", value, value));
            }
        });

    [Fact]
    public void Check_NullValues_OneGrammarAndPresenceDecides()
        => SampleBothWays(ConditionValueGenerators.Bool, static value => NullOperator.TryParse(value, out _), static (value, read) =>
        {
            AssertOneGrammar("Null", "aws:TokenIssueTime", value, read);
            if (NullOperator.TryParse(value, out var isNull))
            {
                Assert.Equal(isNull, Matches("Null", "aws:TokenIssueTime", null, value));
                Assert.Equal(!isNull, Matches("Null", "aws:TokenIssueTime", "2026-01-31T10:00:00Z", value));
            }
        });

    [Fact]
    public void Check_BinaryValues_OneGrammarAndEqualValueMatches()
        => SampleBothWays(ConditionValueGenerators.Binary, static value => BinaryOperator.TryParse(value, out _), static (value, read) =>
        {
            AssertOneGrammar("BinaryEquals", "aws:PrincipalTag/blob", value, read);
            if (read)
            {
                Assert.True(Matches("BinaryEquals", "aws:PrincipalTag/blob", value, value));
            }
        });

    [Fact]
    public void Check_StringAndArnValues_AlwaysReadAndEqualValueMatches()
        => ConditionValueGenerators.Text.Sample(static value =>
        {
            Assert.True(StringOperators.TryParse(value, policyVariables: true, wildcards: false, out _));
            Assert.True(ArnOperators.TryParse(value, policyVariables: true, out _));
            AssertOneGrammar("StringEquals", "k", value, read: true);
            AssertOneGrammar("StringLike", "k", value, read: true);
            AssertOneGrammar("ArnEquals", "k", value, read: true);
            Assert.True(Matches("StringEquals", "k", value, value));
            Assert.True(Matches("StringLike", "k", value, value));
            Assert.True(Matches("ArnEquals", "k", value, value));
        }, iter: Iterations);

    [Fact]
    public void Check_BoolVariable_ReadsAndResolvedValueMatches()
    {
        // Arrange
        const string value = "${aws:PrincipalTag/secure}";
        var context = RequestContext.Create([
            KeyValuePair.Create("aws:SecureTransport", "false"), KeyValuePair.Create("aws:PrincipalTag/secure", "FALSE")]);

        // Act / Assert
        AssertOneGrammar("Bool", "aws:SecureTransport", value, read: true);
        Assert.True(Compile("Bool", "aws:SecureTransport", value).Evaluate(context).Matched);
    }
}
