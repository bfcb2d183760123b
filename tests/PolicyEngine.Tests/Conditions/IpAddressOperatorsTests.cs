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

    // "standard CIDR format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64)"; an address without prefix is
    // a single address; "using :: to represent a range of 0s"; no policy variables. CIDR per RFC 4632, IPv6 text per RFC 4291 §2.2.
    [Theory]
    [InlineData("203.0.113.0/24", true)]
    [InlineData("2001:DB8:1234:5678::/64", true)]
    [InlineData("203.0.113.7", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("203.0.113.7/32", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("::/0", true)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("1::", true)]
    [InlineData("fe80::1:2:3:4", true)]
    [InlineData("1:2:3:4:5:6:7:8", true)]
    [InlineData("2001:0db8:0000:0000:0000:ff00:0042:8329", true)]
    [InlineData("1:2:3:4:5:6:1.2.3.4", true)]
    [InlineData("::ffff:192.0.2.1", true)]
    [InlineData("::ffff:192.0.2.0/120", true)]
    [InlineData("2001:db8::/128", true)]
    [InlineData("2026-01-31 10:00:00", false)]
    [InlineData("1e3", false)]
    [InlineData("", false)]
    [InlineData("office", false)]
    [InlineData("256.0.0.1", false)]
    [InlineData("10.0.0", false)]
    [InlineData("10.0.0.0.0", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.0/", false)]
    [InlineData("10.0.0.0/-1", false)]
    [InlineData("10.0.0.0/+8", false)]
    [InlineData("10.0.0.0/8/8", false)]
    [InlineData("10.0.0.0/8 ", false)]
    [InlineData(" 10.0.0.0/8", false)]
    [InlineData("10.0.0.0 /8", false)]
    [InlineData("2001:db8::/129", false)]
    [InlineData("1::2::3", false)]
    [InlineData(":::", false)]
    [InlineData(":1::", false)]
    [InlineData("1:2:3:4:5:6:7", false)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("1::2:3:4:5:6:7:8", false)]
    [InlineData("12345::", false)]
    [InlineData("1.2.3.4::", false)]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("g::1", false)]
    [InlineData("\u0661.2.3.4", false)]
    [InlineData("10.0.0.0/\uFF18", false)]
    [InlineData("${aws:SourceIp}", false)]
    public void TryParse_DocumentedForms_ReadsAddressesAndCidrRanges(string text, bool expected)
    {
        // Arrange / Act
        var read = IpAddressOperators.TryParse(text, out _, out _);

        // Assert
        Assert.Equal(expected, read);
    }

    // The page is silent on leading zeros: octets and prefix lengths are read as decimal (see TryParse).
    [Theory]
    [InlineData("010.000.000.001/008", "10.0.0.1/8")]
    [InlineData("203.0.113.99/24", "203.0.113.0/24")]
    [InlineData("2001:DB8::/32", "2001:db8:0::/32")]
    public void TryParse_EquivalentForms_ReadTheSameRange(string text, string same)
    {
        // Arrange / Act
        var read = IpAddressOperators.TryParse(text, out var network, out var mask);
        Assert.True(IpAddressOperators.TryParse(same, out var expectedNetwork, out var expectedMask));

        // Assert
        Assert.True(read);
        Assert.Equal((expectedNetwork, expectedMask), (network, mask));
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
