using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

public sealed class IpAddressTextTests
{
    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("203.0.113.0/24")]
    [InlineData("0.0.0.0/0")]
    [InlineData("2001:db8::/32")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1:2:3:4")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("2001:0db8:0000:0000:0000:ff00:0042:8329")]
    public void IsAddressOrRange_Valid_ReturnsTrue(string text) => Assert.True(IpAddressText.IsAddressOrRange(text));

    [Theory]
    [InlineData("")]
    [InlineData("office")]
    [InlineData("256.0.0.1")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("2001:db8::/129")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("12345::")]
    public void IsAddressOrRange_Invalid_ReturnsFalse(string text) => Assert.False(IpAddressText.IsAddressOrRange(text));
}
