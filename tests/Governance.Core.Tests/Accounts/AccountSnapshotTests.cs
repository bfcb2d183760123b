using Governance.Core.Accounts;

namespace Governance.Core.Tests.Accounts;

public sealed class AccountSnapshotTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/ops/admin", "123456789012")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/ops/alice", "123456789012")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess", "aws")]
    [InlineData("arn:aws:s3:::lake-x", "")]
    [InlineData("arn:aws:iam::123456789012", "")]
    [InlineData("123456789012", "")]
    public void AccountOf_Arn_ReturnsItsAccountField(string arn, string expected)
        => Assert.Equal(expected, AccountSnapshot.AccountOf(arn));
}
