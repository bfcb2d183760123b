using System.Net;

namespace Governance.Api.Tests.Endpoints;

/// <summary>A requester may end their own grant early; no one else but approvers and admins may end it.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task Revoke_ByTheGrantsRequester_EndsItAndTheAuditNamesThem()
    {
        // Arrange
        var aliceId = NewUser("alice");
        var alice = Factory.ClientFor(aliceId, "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::lake-own-{Guid.NewGuid():N}"[..30] + "/*", hours: 1))).GetProperty("id").GetString();
        var grantId = (await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString();

        // Act
        var revoked = await PostAsync(alice, $"/v1/grants/{grantId}/revoke", new { comment = "done early" });
        var events = await GetAsync(bob, $"/v1/audit/events?grantId={grantId}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal("Revoked", revoked.Body.GetProperty("status").GetString());
        var revocation = events.Body.GetProperty("items").EnumerateArray().Single(static e => e.GetProperty("action").GetString() == "grant.revoked");
        Assert.Equal(aliceId, revocation.GetProperty("actor").GetString());
    }

    [SkippableFact]
    public async Task Revoke_BySomeoneElsesEngineer_IsNotFoundAndTheGrantStaysActive()
    {
        // Arrange: mallory, an engineer, learns the id of alice's grant
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var mallory = Factory.ClientFor(NewUser("mallory"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::lake-oth-{Guid.NewGuid():N}"[..30] + "/*", hours: 1))).GetProperty("id").GetString();
        var grantId = (await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString();

        // Act
        var refused = await PostAsync(mallory, $"/v1/grants/{grantId}/revoke");
        var grant = await GetAsync(bob, $"/v1/grants/{grantId}");
        await PostAsync(bob, $"/v1/grants/{grantId}/revoke");

        // Assert: told what anyone is told about a grant they may not see
        AssertProblem(refused, HttpStatusCode.NotFound);
        Assert.Equal("Active", grant.Body.GetProperty("status").GetString());
    }
}
