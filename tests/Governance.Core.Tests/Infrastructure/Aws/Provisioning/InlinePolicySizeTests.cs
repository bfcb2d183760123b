using Governance.Core.Infrastructure.Aws.Provisioning;

namespace Governance.Core.Tests.Infrastructure.Aws.Provisioning;

public sealed class InlinePolicySizeTests
{
    [Theory]
    [InlineData("{}", 2)]
    [InlineData("{ \"a\" : \"b c\" }\n\t\r", 10)]
    [InlineData("", 0)]
    public void Of_Document_CountsNonWhitespaceCharacters(string document, int expected)
        => Assert.Equal(expected, InlinePolicySize.Of(document));
}
