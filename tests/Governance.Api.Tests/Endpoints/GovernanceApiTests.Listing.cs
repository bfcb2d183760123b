using System.Net;

namespace Governance.Api.Tests.Endpoints;

/// <summary>Whose requests and grants a listing shows.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableTheory]
    [InlineData("/v1/access-requests")]
    [InlineData("/v1/grants")]
    public async Task List_EngineerNamingAnotherRequester_IsRefusedNotShownTheirOwnUnderTheOthersName(string path)
    {
        // Arrange: alice has a request (and its grant); mallory, an engineer, asks for alice's
        var aliceId = NewUser("alice");
        var alice = Factory.ClientFor(aliceId, "engineer");
        var mallory = Factory.ClientFor(NewUser("mallory"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::lake-lst-{Guid.NewGuid():N}"[..30] + "/*", hours: 1))).GetProperty("id").GetString();
        var grantId = (await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString();

        // Act
        var refused = await GetAsync(mallory, $"{path}?requester={aliceId}");
        var own = await GetAsync(alice, $"{path}?requester={aliceId}");
        var byApprover = await GetAsync(bob, $"{path}?requester={aliceId}");
        await PostAsync(bob, $"/v1/grants/{grantId}/revoke");

        // Assert
        AssertProblem(refused, HttpStatusCode.Forbidden);
        Assert.Equal("other-requester-listed", refused.Body.GetProperty("code").GetString());
        Assert.Equal(1, own.Body.GetProperty("total").GetInt32());
        Assert.Equal(1, byApprover.Body.GetProperty("total").GetInt32());
    }
}
