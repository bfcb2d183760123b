using CsCheck;
using PolicyEngine.Evaluation.Conditions;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
// (CIDR per RFC 4632; IPv6 text per RFC 4291)
public sealed class IpAddressOperatorsTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.0/24", true)]
    [InlineData("198.51.100.9", "203.0.113.0/24", false)]
    [InlineData("203.0.113.7", "203.0.113.7/32", true)]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.8", "203.0.113.7", false)]
    [InlineData("203.0.113.7", "203.0.113.99/24", true)]
    [InlineData("2001:db8:1234:5678:abcd:ef01:2345:6789", "2001:DB8:1234:5678::/64", true)]
    [InlineData("2001:db8:1234:5679::1", "2001:DB8:1234:5678::/64", false)]
    [InlineData("::1", "::1", true)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.0/24", true)]
    [InlineData("::ffff:cb00:7107", "203.0.113.0/24", true)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.0/120", true)]
    [InlineData("10.1.2.3", "0.0.0.0/0", true)]
    [InlineData("2001:db8::1", "0.0.0.0/0", false)]
    [InlineData("2001:db8::1", "::/0", true)]
    public void Evaluate_Addresses_MatchCidr(string request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches("IpAddress", "aws:SourceIp", request, policy));
        Assert.Equal(!expected, Matches("NotIpAddress", "aws:SourceIp", request, policy));
    }

    [Fact]
    public void Evaluate_SeveralRanges_OrForIpAddressNorForNotIpAddress()
    {
        // Arrange
        string[] ranges = ["203.0.113.0/24", "2001:DB8:1234:5678::/64"];

        // Act / Assert
        Assert.True(Matches("IpAddress", "aws:SourceIp", "2001:db8:1234:5678::9", ranges));
        Assert.False(Matches("NotIpAddress", "aws:SourceIp", "203.0.113.1", ranges));
        Assert.True(Matches("NotIpAddress", "aws:SourceIp", "198.51.100.1", ranges));
    }

    [Fact]
    public void Evaluate_KeyAbsent_NotIpAddressTrueIpAddressFalse()
    {
        // Arrange / Act / Assert: requests through a VPC endpoint carry no aws:SourceIp.
        Assert.False(Matches("IpAddress", "aws:SourceIp", null, "203.0.113.0/24"));
        Assert.True(Matches("NotIpAddress", "aws:SourceIp", null, "203.0.113.0/24"));
        Assert.True(Matches("IpAddressIfExists", "aws:SourceIp", null, "203.0.113.0/24"));
        Assert.False(Matches("IpAddressIfExists", "aws:SourceIp", "198.51.100.9", "203.0.113.0/24"));
    }

    [Theory]
    [InlineData("ec2.amazonaws.com")]
    [InlineData("203.0.113")]
    [InlineData("203.0.113.256")]
    public void Evaluate_RequestNotAnAddress_NeitherOperatorNorNegationHolds(string request)
    {
        // Arrange / Act / Assert
        Assert.False(Matches("IpAddress", "aws:SourceIp", request, "0.0.0.0/0"));
        Assert.False(Matches("NotIpAddress", "aws:SourceIp", request, "203.0.113.0/24"));
    }

    [Theory]
    [InlineData("203.0.113.0/33")]
    [InlineData("203.0.113.0/")]
    [InlineData("203.0.113.0/-1")]
    [InlineData("2001:db8::/129")]
    [InlineData("2001:db8::1::2")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12345::")]
    [InlineData("not-an-ip")]
    [InlineData("")]
    public void Compile_BadCidr_NeverMatches(string cidr)
    {
        // Arrange / Act / Assert
        Assert.True(Compile("IpAddress", "aws:SourceIp", cidr).NeverMatches);
        Assert.True(Compile("NotIpAddress", "aws:SourceIp", cidr).NeverMatches);
    }

    [Theory]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1::")]
    [InlineData("::")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("fe80::1:2")]
    public void TryParseAddress_ValidIpv6_ReturnsTrue(string text)
    {
        // Arrange / Act / Assert
        Assert.True(IpAddressOperators.TryParseAddress(text, out _, out var isV4));
        Assert.False(isV4);
    }

    [Fact]
    public void Evaluate_AnyIpv4_MatchesSlashZero()
    {
        Gen.UInt.Sample(v =>
        {
            var text = $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}";
            return Matches("IpAddress", "aws:SourceIp", text, "0.0.0.0/0") && Matches("IpAddress", "aws:SourceIp", text, text);
        });
    }
}
