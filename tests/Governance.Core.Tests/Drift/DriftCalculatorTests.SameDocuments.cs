using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

/// <summary>The shortcut for roles whose documents are the code's: it must never hide a difference the engine would see.</summary>
public sealed partial class DriftCalculatorTests
{
    private const string WriteLake = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::lake/*"}]}""";

    [Fact]
    public void Compare_SameDocumentsOtherWhitespaceAndOrder_NoDrift()
    {
        // Arrange: the account's export is spaced differently and lists the policies the other way round.
        var spaced = WriteLake.Replace(",", ", ", StringComparison.Ordinal);
        var desired = Desired(Role("analyst", ("read-lake", ReadLake), ("write-lake", WriteLake)));
        var actual = State(AccountRole("analyst", ("write-lake", spaced), ("read-lake", ReadLake)));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_BoundaryAndPolicySwapped_StillPolicyDrift()
    {
        // Arrange: the same three documents, but code's boundary is an identity policy in the account and the reverse:
        // (read ∪ write) ∩ s3:* in code, (read ∪ s3:*) ∩ write in the account, which no longer reads.
        var desired = Desired(Role("analyst", ("read-lake", ReadLake), ("write-lake", WriteLake)) with { PermissionsBoundary = ManagedPolicyArn("LakeBoundary") });
        var actual = State([AccountRole("analyst", ("read-lake", ReadLake), ("lake", LakeBoundary)).WithBoundary(ManagedPolicyArn("WriteOnly"))],
            [ManagedPolicy("LakeBoundary", LakeBoundary), ManagedPolicy("WriteOnly", WriteLake)]);

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Contains(findings, static f => f.Kind == DriftKind.PolicyDrift && f.Detail.StartsWith("policies differ from code", StringComparison.Ordinal));
    }
}
