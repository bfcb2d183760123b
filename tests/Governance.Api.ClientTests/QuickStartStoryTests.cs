using Governance.Api.ClientTests.Generated;
using Governance.Api.ClientTests.Infrastructure;

namespace Governance.Api.ClientTests;

/// <summary>
/// The README's quick start (one request from submission to grant), told through the C# client NSwag generates from
/// the committed OpenAPI document, against the real service over TCP. The client is used as generated: a call that
/// the document describes wrongly fails here, as it would for a team generating their own client.
/// </summary>
public sealed class QuickStartStoryTests(ContractService service) : IClassFixture<ContractService>
{
    [Fact]
    public async Task QuickStart_ThroughTheGeneratedClient_SubmitApproveUseRevokeAndVerify()
    {
        // Arrange
        using var aliceHttp = service.ClientFor("alice", "engineer");
        using var bobHttp = service.ClientFor("bob", "approver");
        var alice = new GovernanceClient(aliceHttp);
        var bob = new GovernanceClient(bobHttp);

        // Act: alice sees what can be requested and asks for lake-write on her bucket
        var sets = await alice.ListPermissionSetsAsync();
        var submitted = await alice.SubmitAccessRequestAsync(new CreateAccessRequestDto
        {
            PermissionSet = "lake-write",
            Resources = ["arn:aws:s3:::lake-x/*"],
            TargetRole = "data-engineer",
            Justification = "backfill",
            DurationHours = 8,
        });
        // bob finds it among the pending requests, reads its preview, and approves it on that preview (If-Match, as the README does)
        var pending = await bob.ListAccessRequestsAsync(status: AccessRequestStatus.Pending, pageSize: 200);
        var read = await bob.GetAccessRequestAsync(submitted.Id);
        var approved = await bob.ApproveAccessRequestAsync(submitted.Id, if_Match: $"\"{read.PreviewVersion}\"", body: new DecisionDto { Comment = "ok" });
        // the grant is there, alice may now write to the bucket as data-engineer, and gets credentials for it
        var grantId = approved.GrantId ?? throw new Xunit.Sdk.XunitException($"approved without a grant: {approved.Status}");
        var grant = await bob.GetGrantAsync(grantId);
        var activeGrants = await alice.ListGrantsAsync(status: GrantStatus.Active);
        var canI = await alice.AskCanIAsync(principal: "data-engineer", action: "s3:PutObject", resource: "arn:aws:s3:::lake-x/a",
            context: ["aws:RequestedRegion=eu-west-1"]);
        var credentials = await alice.IssueGrantCredentialsAsync(grantId);
        // bob revokes it, and the audit trail verifies
        var revoked = await bob.RevokeGrantAsync(grantId, new DecisionDto { Comment = "done" });
        var events = await bob.ListAuditEventsAsync(requestId: submitted.Id);
        var verification = await bob.VerifyAuditTrailAsync();

        // Assert
        Assert.Contains(sets, static s => s.Name == "lake-write");
        Assert.Equal(AccessRequestStatus.Pending, submitted.Status);
        Assert.False(string.IsNullOrEmpty(submitted.PreviewVersion), "a pending request names the preview an approval is given on");
        Assert.Contains(pending.Items, r => r.Id == submitted.Id);
        Assert.Equal(AccessRequestStatus.Approved, approved.Status);
        Assert.Equal(GrantStatus.Active, grant.Status);
        Assert.Contains(activeGrants.Items, g => g.Id == grantId);
        Assert.True(canI.Allowed, $"data-engineer may now write to the bucket: {canI.Decision}");
        Assert.Equal(CanIAnswerDecision.Allow, canI.Decision);
        Assert.Equal(grantId, credentials.GrantId);
        Assert.False(string.IsNullOrEmpty(credentials.AccessKeyId));
        Assert.True(credentials.Expiration > DateTimeOffset.UnixEpoch, "the expiration is read as a time");
        Assert.Equal(GrantStatus.Revoked, revoked.Status);
        Assert.Contains(events.Items, static e => e.Action == "request.approved");
        Assert.True(verification.Valid, $"the audit trail verifies: {verification.Reason}");
    }

    [Fact]
    public async Task Refusals_ThroughTheGeneratedClient_AreTypedProblemsWithTheirCodes()
    {
        // Arrange
        using var anonymousHttp = service.AnonymousClient();
        using var carolHttp = service.ClientFor("carol", "engineer");
        var anonymous = new GovernanceClient(anonymousHttp);
        var carol = new GovernanceClient(carolHttp);

        // Act
        var noToken = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(() => anonymous.ListPermissionSetsAsync());
        var noRole = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(() => carol.VerifyAuditTrailAsync());
        var unknown = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(() => carol.GetGrantAsync(Guid.NewGuid()));
        var invalid = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(() => carol.SubmitAccessRequestAsync(new CreateAccessRequestDto
        {
            PermissionSet = "lake-write",
            Resources = ["arn:aws:s3:::lake-x/*"],
            TargetRole = "data-engineer",
            Justification = "backfill",
            DurationHours = 0,
        }));
        var health = await anonymous.GetReadinessAsync();

        // Assert
        Assert.Equal(401, noToken.StatusCode);
        Assert.Equal(ProblemDetailsCode.TokenMissing, noToken.Result.Code);
        Assert.Contains(noToken.Headers, static h => h.Key == "WWW-Authenticate");
        Assert.Equal(403, noRole.StatusCode);
        Assert.Equal(ProblemDetailsCode.RoleRequired, noRole.Result.Code);
        Assert.Equal(ProblemDetailsCode.GrantNotFound, unknown.Result.Code);
        Assert.Equal(ProblemDetailsCode.ValidationFailed, invalid.Result.Code);
        Assert.True(invalid.Result.Errors.ContainsKey("durationHours"), "a validation problem names its field in `errors`");
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task EveryAnswer_OfTheStoryAndTheRefusals_MatchesItsDeclaredSchema()
    {
        // Arrange: the other two tests of this class, run here again so that this one does not hang on their order
        await QuickStart_ThroughTheGeneratedClient_SubmitApproveUseRevokeAndVerify();
        await Refusals_ThroughTheGeneratedClient_AreTypedProblemsWithTheirCodes();

        // Act
        var exchanges = service.Recorder.Exchanges;
        var problems = exchanges.SelectMany(ContractDocument.Committed.Check).ToList();

        // Assert
        Assert.True(exchanges.Count >= 16, $"the story's answers were recorded: {exchanges.Count}");
        Assert.True(problems.Count == 0, "answers that the document does not describe:\n" + string.Join("\n", problems));
    }
}
