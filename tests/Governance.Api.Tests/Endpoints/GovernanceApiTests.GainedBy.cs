using System.Net;
using Governance.Core.Policies;
using TestSupport.Paths;

namespace Governance.Api.Tests.Endpoints;

/// <summary>
/// Who else gains the access (issue 14): a grant on a role is a grant to everyone who can act as it. The demo
/// organisation's etl-runner trusts the contractor account 444455556666 (ContractorDebugging), whose contractor-support
/// may assume it (policies/demo-org/README.md); data-engineer is assumed by alice and bob, and by carol through
/// platform-admin.
/// </summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    private const string ContractorSupport = "arn:aws:iam::444455556666:role/contractor-support";

    [SkippableFact]
    public async Task Create_LakeReadOntoAContractorAssumableRole_IsNotApprovedAutomaticallyNamesTheContractorFirstAndNeedsTheRulesApprovals()
    {
        // Arrange: the reproduction: lake-read, an automatically approvable set, on every lake bucket, onto etl-runner.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var carol = Factory.ClientFor(NewUser("carol"), "approver");
        var outsidersNeed = GovernancePolicies.Load(RepositoryPaths.Policies).ApprovalRules.Outsiders!.ApprovalsRequired;

        // Act
        var submitted = await SubmitAsync(alice, RequestFor("lake-read", "arn:aws:s3:::lake-*", "etl-runner", hours: 1));
        var id = submitted.GetProperty("id").GetString();
        var first = await ApproveAsync(bob, id, "contractor may read");
        var second = await ApproveAsync(carol, id, "agreed");
        await PostAsync(bob, $"/v1/grants/{second.Body.GetProperty("grantId").GetString()}/revoke"); // later previews of this class start without it

        // Assert: a person decides, as many as the rules ask for outsiders, and the contractor is named first.
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        Assert.False(submitted.GetProperty("autoApproved").GetBoolean());
        Assert.Equal(2, outsidersNeed);
        Assert.Equal(outsidersNeed, submitted.GetProperty("approvalsRequired").GetInt32());
        var gainedBy = submitted.GetProperty("preview").GetProperty("gainedBy").EnumerateArray().ToList();
        var contractor = gainedBy[0];
        Assert.Equal(ContractorSupport, contractor.GetProperty("arn").GetString());
        Assert.Equal("Role", contractor.GetProperty("kind").GetString());
        Assert.Equal("444455556666", contractor.GetProperty("accountId").GetString());
        Assert.False(contractor.GetProperty("insideOrganization").GetBoolean());
        Assert.Equal("444455556666:role/contractor-support -> role/etl-runner", contractor.GetProperty("chain").GetString());
        Assert.False(contractor.GetProperty("alreadyHolds").GetBoolean());
        Assert.Contains(gainedBy, g => g.GetProperty("arn").GetString() == "states.amazonaws.com" && g.GetProperty("kind").GetString() == "Service");
        Assert.Equal((HttpStatusCode.OK, "Pending"), (first.Status, first.Body.GetProperty("status").GetString()));
        Assert.Equal((HttpStatusCode.OK, "Approved"), (second.Status, second.Body.GetProperty("status").GetString()));
    }

    [SkippableFact]
    public async Task Create_LakeReadOntoARoleOthersAssume_ListsThemWithTheirChainsAndIsNotApprovedAutomatically()
    {
        // Arrange: lake-read would be approved automatically on its set, levels and resources alone.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bucket = $"lake-gb-{Guid.NewGuid():N}"[..20];

        // Act
        var submitted = await SubmitAsync(alice, RequestFor("lake-read", $"arn:aws:s3:::{bucket}", hours: 4));
        await RevokeOrCancelAsync(submitted);

        // Assert: only List and Read are added, yet bob gains them as much as the requester does.
        var preview = submitted.GetProperty("preview");
        Assert.All(preview.GetProperty("actions").EnumerateArray(), a => Assert.Contains(a.GetProperty("accessLevel").GetString(), new[] { "List", "Read" }));
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        Assert.Equal(1, submitted.GetProperty("approvalsRequired").GetInt32());
        var chains = preview.GetProperty("gainedBy").EnumerateArray()
            .ToDictionary(static g => g.GetProperty("arn").GetString()!, static g => g.GetProperty("chain").GetString());
        Assert.Equal("user/bob -> role/data-engineer", chains["arn:aws:iam::111122223333:user/bob"]);
        Assert.Equal("user/carol -> role/platform-admin -> role/data-engineer", chains["arn:aws:iam::111122223333:user/carol"]);
        Assert.All(preview.GetProperty("gainedBy").EnumerateArray(), g => Assert.True(g.GetProperty("insideOrganization").GetBoolean(), g.ToString()));
    }
}
