using System.Text.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Workflow;

/// <summary>
/// Automatic approval through the real pipeline: a read-only set, within its resources, onto a role that only the
/// requester's own identity can act as, is approved by the rules alone; the very same request by anyone else waits for a
/// person, because the role's one assumer is not theirs.
/// </summary>
public abstract class AutomaticApprovalTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private static object LakeReadOntoSandbox(string bucket) => RequestFor("lake-read", $"arn:aws:s3:::{bucket}", targetRole: "alice-sandbox", hours: 4);

    [SkippableFact]
    public async Task Submit_ReadOnlyOntoARoleOnlyTheRequesterActsAs_IsApprovedByTheRules()
    {
        // Arrange
        var owner = Factory.ClientFor(OwnedRoleOrganization.Owner, "engineer");

        // Act
        var submitted = await SubmitAsync(owner, LakeReadOntoSandbox("lake-curated"));

        // Assert: approved and provisioned with no person; the preview says who gains it, and that it is the requester's
        Assert.Equal("Approved", submitted.GetProperty("status").GetString());
        Assert.True(submitted.GetProperty("autoApproved").GetBoolean());
        Assert.Equal("system:approval-rules", submitted.GetProperty("decidedBy").GetString());
        var gainer = Assert.Single(submitted.GetProperty("preview").GetProperty("gainedBy").EnumerateArray());
        Assert.Equal("arn:aws:iam::111122223333:user/alice", gainer.GetProperty("arn").GetString());
        Assert.Equal(OwnedRoleOrganization.Owner, gainer.GetProperty("owner").GetString());
        Assert.False(string.IsNullOrEmpty(submitted.GetProperty("grantId").GetString()));
    }

    [SkippableFact]
    public async Task Submit_SameRequestBySomeoneElse_WaitsForAPerson()
    {
        // Arrange
        var other = Factory.ClientFor(NewUser("mallory"), "engineer");

        // Act
        var submitted = await SubmitAsync(other, LakeReadOntoSandbox("lake-curated"));

        // Assert
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        Assert.False(submitted.GetProperty("autoApproved").GetBoolean());
        Assert.Equal(1, submitted.GetProperty("approvalsRequired").GetInt32());
        Assert.Equal(JsonValueKind.Array, submitted.GetProperty("preview").GetProperty("gainedBy").ValueKind);
    }
}

/// <summary><see cref="AutomaticApprovalTests{TFixture}"/> on SQLite.</summary>
public sealed class AutomaticApprovalTests_Sqlite(OwnedRoleSqliteFixture fixture)
    : AutomaticApprovalTests<OwnedRoleSqliteFixture>(fixture), IClassFixture<OwnedRoleSqliteFixture>;

/// <summary><see cref="AutomaticApprovalTests{TFixture}"/> on PostgreSQL.</summary>
public sealed class AutomaticApprovalTests_Postgres(OwnedRolePostgresFixture fixture)
    : AutomaticApprovalTests<OwnedRolePostgresFixture>(fixture), IClassFixture<OwnedRolePostgresFixture>;
