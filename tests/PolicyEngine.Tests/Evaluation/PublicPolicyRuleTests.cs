using PolicyEngine.Evaluation;
using PolicyEngine.Parsing;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>
/// S3's "meaning of public" for bucket policies (S3 User Guide, access-control-block-public-access.html#public-bucket-policies):
/// public unless every grant is limited to fixed principals or fixed values of the listed condition keys.
/// </summary>
public sealed class PublicPolicyRuleTests
{
    private static bool IsPublic(string statement)
    {
        var parsed = PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""");
        Assert.True(parsed.Success, string.Join("; ", parsed.Diagnostics));
        return PublicPolicyRule.IsPublic(parsed.Value!);
    }

    private static string Anyone(string condition)
        => $$"""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{{condition}}}""";

    [Theory]
    [InlineData("aws:SourceArn", "arn:aws:cloudtrail:us-east-1:111122223333:trail/t")]
    [InlineData("aws:SourceVpc", "vpc-91237329")]
    [InlineData("aws:SourceVpce", "vpce-1a2b3c4d")]
    [InlineData("aws:SourceOwner", "111122223333")]
    [InlineData("aws:SourceAccount", "111122223333")]
    [InlineData("s3:x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:us-east-1:111122223333:key/1234abcd")]
    [InlineData("aws:userid", "AIDAEXAMPLEUSERID")]
    [InlineData("s3:DataAccessPointAccount", "111122223333")]
    [InlineData("aws:PrincipalOrgID", "o-a1b2c3d4e5")]
    [InlineData("s3:DataAccessPointArn", "arn:aws:s3:us-west-2:123456789012:accesspoint/reports")]
    public void IsPublic_AnyoneLimitedToAFixedValueOfADocumentedKey_IsNotPublic(string key, string value)
    {
        // Arrange
        var statement = Anyone($$$"""{"StringEquals":{"{{{key}}}":"{{{value}}}"}}""");

        // Act
        var isPublic = IsPublic(statement);

        // Assert
        Assert.False(isPublic, $"a fixed {key} makes the grant non-public");
    }

    [Theory]
    [InlineData("aws:SourceVpc", "vpc-*")]
    [InlineData("aws:SourceVpce", "vpce-?a2b3c4d")]
    [InlineData("aws:SourceAccount", "${aws:PrincipalAccount}")]
    [InlineData("aws:PrincipalOrgID", "o-*")]
    [InlineData("s3:DataAccessPointArn", "arn:aws:s3:us-west-2:*:accesspoint/*")]
    public void IsPublic_AnyoneLimitedToAWildcardOrVariable_IsPublic(string key, string value)
        => Assert.True(IsPublic(Anyone($$$"""{"StringLike":{"{{{key}}}":"{{{value}}}"}}""")), $"`{value}` is not a fixed value");

    [Theory]
    [InlineData("aws:SourceIp", "203.0.113.0/24", false)]
    [InlineData("aws:SourceIp", "10.0.0.0/8", false)]
    [InlineData("aws:SourceIp", "0.0.0.0/1", true)]
    [InlineData("aws:SourceIp", "12.0.0.0/7", true)]
    [InlineData("aws:SourceIp", "2001:db8::/32", false)]
    [InlineData("aws:SourceIp", "2001:db8::/31", true)]
    public void IsPublic_SourceIpRange_IsPublicWhenBroaderThanSlash8OrSlash32(string key, string range, bool expected)
        => Assert.Equal(expected, IsPublic(Anyone($$$"""{"IpAddress":{"{{{key}}}":"{{{range}}}"}}""")));

    [Theory]
    [InlineData("""{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""")]
    [InlineData("""{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""")]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""")]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")]
    [InlineData("""{"StringEquals":{"aws:PrincipalTag/team":"data"}}""")]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""")]
    public void IsPublic_ConditionThatDoesNotPinAFixedValue_StaysPublic(string condition)
        => Assert.True(IsPublic(Anyone(condition)), "negated, IfExists, ForAllValues and unlisted keys do not limit who may call");

    [Theory]
    [InlineData("""{"AWS":"arn:aws:iam::444455556666:root"}""", false)]
    [InlineData("""{"AWS":"444455556666"}""", false)]
    [InlineData("""{"AWS":["arn:aws:iam::444455556666:role/reader","arn:aws:iam::111122223333:user/bob"]}""", false)]
    [InlineData("""{"Service":"cloudtrail.amazonaws.com"}""", false)]
    [InlineData("\"*\"", true)]
    [InlineData("""{"AWS":"*"}""", true)]
    [InlineData("""{"AWS":["arn:aws:iam::444455556666:root","*"]}""", true)]
    [InlineData("""{"Federated":"graph.facebook.com"}""", true)]
    public void IsPublic_Principal_IsPublicUnlessEveryEntryIsFixed(string principal, bool expected)
        => Assert.Equal(expected, IsPublic($$"""{"Effect":"Allow","Principal":{{principal}},"Action":"s3:PutObject","Resource":"*"}"""));

    [Fact]
    public void IsPublic_NotPrincipalAllow_IsPublic()
        => Assert.True(IsPublic("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"*"}"""));

    [Fact]
    public void IsPublic_DenyToEveryone_IsNotPublic()
        => Assert.False(IsPublic("""{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"""), "a Deny grants nothing");

    [Fact]
    public void IsPublic_OnePublicStatementAmongFixedOnes_MakesThePolicyPublic()
    {
        // Arrange: the guide's example of a policy with both public and non-public grants
        var parsed = PolicyParser.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"},
              {"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"*"},
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}
            """);

        // Act
        var isPublic = PublicPolicyRule.IsPublic(parsed.Value!);

        // Assert
        Assert.True(isPublic);
    }
}
