using System.Text;
using CsCheck;
using PolicyEngine.Conformance;
using PolicyEngine.Evaluation;
using TestSupport.Hostile;

namespace PolicyEngine.Tests.Conformance;

/// <summary>The case reader's <c>vpcEndpointPolicy</c> field (tests/data/conformance-project/FORMAT.md).</summary>
public sealed class ConformanceCaseReaderTests
{
    private const string Request =
        """ "request":{"principal":"arn:aws:iam::111122223333:role/etl","action":"s3:DeleteObject","resource":"arn:aws:s3:::lake/k","context":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""";

    private const string Identity =
        """ "identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}]""";

    private const string EndpointPolicy =
        """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}""";

    private static string Case(string endpointField) => $$"""{"id":"vpce-1",{{Request}},{{Identity}}{{endpointField}},"expected":"ImplicitDeny"}""";

    [Fact]
    public void Parse_VpcEndpointPolicyObject_BecomesTheSetsEndpointPolicy()
    {
        // Act
        var read = ConformanceCaseReader.Parse(Case($",\"vpcEndpointPolicy\":{EndpointPolicy}"));

        // Assert
        var policy = read.Case?.Policies.VpcEndpointPolicy;
        Assert.NotNull(policy);
        Assert.Equal("vpc-endpoint-policy", policy.Name);
        Assert.Equal(Decision.ImplicitDeny, PolicyCompiler.Compile(read.Case!.Policies).Decide(read.Case.Request));
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\"vpcEndpointPolicy\":null")]
    public void Parse_VpcEndpointPolicyAbsentOrNull_MeansNoEndpoint(string field)
    {
        var read = ConformanceCaseReader.Parse(Case(field));

        Assert.NotNull(read.Case);
        Assert.Null(read.Case.Policies.VpcEndpointPolicy);
        Assert.Equal(Decision.Allow, PolicyCompiler.Compile(read.Case.Policies).Decide(read.Case.Request));
    }

    [Theory]
    [InlineData("\"{}\"")]
    [InlineData("[]")]
    [InlineData("[{\"Statement\":[]}]")]
    [InlineData("42")]
    [InlineData("true")]
    public void Parse_VpcEndpointPolicyNotAnObject_IsAnErrorNamingTheField(string value)
    {
        var read = ConformanceCaseReader.Parse(Case($",\"vpcEndpointPolicy\":{value}"));

        Assert.Null(read.Case);
        Assert.Contains("`vpcEndpointPolicy`", read.Error, StringComparison.Ordinal);
        Assert.Equal("vpce-1", read.Id);
    }

    [Fact]
    public void Parse_AnyJsonValueAsVpcEndpointPolicy_ReturnsACaseOrAnError()
    {
        // Any value for the field: the reader answers with a case whose endpoint policy is present exactly when the value
        // is an object, or with an error; the case then compiles and decides on both paths without throwing.
        Gen.OneOf(
                Gen.String.Select(static s => System.Text.Json.JsonSerializer.Serialize(s)),
                Gen.Int.Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Gen.Const("null"), Gen.Const("[]"), Gen.Const("{}"),
                Gen.String.Select(static s => $$$"""{"Statement":[{"Effect":"Allow","Principal":{{{System.Text.Json.JsonSerializer.Serialize(s)}}},"Action":"*","Resource":"*"}]}"""),
                Gen.String.Select(static s => $$$"""{"Statement":{"Effect":{{{System.Text.Json.JsonSerializer.Serialize(s)}}},"Principal":"*","NotAction":"s3:*"}}"""))
            .Sample(static value =>
            {
                var read = ConformanceCaseReader.Parse(Case($",\"vpcEndpointPolicy\":{value}"));

                Assert.True(read.Case is not null || read.Error is { Length: > 0 }, "a case not read says why");
                if (read.Case is { } parsed)
                {
                    Assert.Equal(value.StartsWith('{'), parsed.Policies.VpcEndpointPolicy is not null);
                    var compiled = PolicyCompiler.Compile(parsed.Policies);
                    Assert.Equal(compiled.Decide(parsed.Request), compiled.Evaluate(parsed.Request).Decision);
                }
            }, iter: 2_000);
    }

    [Fact]
    public void Parse_HostileBytesAroundACaseWithAnEndpointPolicy_ReturnsACaseOrAnError()
    {
        var valid = Encoding.UTF8.GetBytes(Case($",\"vpcEndpointPolicy\":{EndpointPolicy}"));
        Assert.NotNull(ConformanceCaseReader.Parse(Encoding.UTF8.GetString(valid)).Case);

        HostileJson.Around(valid).Sample(static bytes =>
        {
            var read = ConformanceCaseReader.Parse(Encoding.UTF8.GetString(bytes));

            Assert.True(read.Case is not null || read.Error is { Length: > 0 }, "a case not read says why");
        }, iter: 4_000);
    }
}
