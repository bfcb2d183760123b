using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Workflow.Grants;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Organizations;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task Workflow_SubmitApproveRevoke_GrantIsProvisionedThenRemoved()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");

        var bucket = $"lake-wf-{Guid.NewGuid():N}"[..20]; // its own: other tests of this class leave grants on lake-x

        // Act: submit
        var submitted = await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{bucket}/*"));
        var id = submitted.GetProperty("id").GetString();

        // Assert: pending, with the access the grant adds to the role
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        var preview = submitted.GetProperty("preview");
        Assert.Equal("delta", preview.GetProperty("analysis").GetString());
        var actions = preview.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("action").GetString()!, a => a);
        Assert.Equal("Write", actions["s3:PutObject"].GetProperty("accessLevel").GetString());
        Assert.Equal("List", actions["s3:ListBucket"].GetProperty("accessLevel").GetString());
        Assert.Equal($"arn:aws:s3:::{bucket}", actions["s3:ListBucket"].GetProperty("resources")[0].GetString());
        Assert.Equal(1, submitted.GetProperty("approvalsRequired").GetInt32());
        Assert.False(submitted.TryGetProperty("requiredApprovals", out _), "one name for the approvals needed, as on permission sets");

        // Act: approve by another approver
        var approved = await ApproveAsync(bob, id, "ok for the backfill");

        // Assert: approved with a grant, applied to the account copy as grant-<id> with its expiry condition
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("Approved", approved.Body.GetProperty("status").GetString());
        Assert.False(approved.Body.GetProperty("autoApproved").GetBoolean());
        var grantId = approved.Body.GetProperty("grantId").GetString();
        var grant = await GetAsync(bob, $"/v1/grants/{grantId}");
        Assert.Equal(HttpStatusCode.OK, grant.Status);
        Assert.Equal($"grant-{grantId}", grant.Body.GetProperty("policyName").GetString());
        var endsAt = grant.Body.GetProperty("endsAt").GetDateTimeOffset();
        var startsAt = grant.Body.GetProperty("startsAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(8), endsAt - startsAt);
        var inline = await FindInlinePolicyAsync("data-engineer", $"grant-{grantId}");
        Assert.NotNull(inline);
        foreach (var statement in inline!["Statement"]!.AsArray())
        {
            Assert.Equal(endsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                (string?)statement!["Condition"]!["DateLessThan"]!["aws:CurrentTime"]);
        }

        // Act: revoke
        var revoked = await PostAsync(bob, $"/v1/grants/{grantId}/revoke", new { comment = "done" });

        // Assert: revoked, and the policy is gone from the account copy
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal("Revoked", revoked.Body.GetProperty("status").GetString());
        Assert.Null(await FindInlinePolicyAsync("data-engineer", $"grant-{grantId}"));
        var again = await PostAsync(bob, $"/v1/grants/{grantId}/revoke");
        AssertProblem(again, HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Approve_ByTheRequesterWhoIsAlsoAnApprover_Returns403Problem()
    {
        // Arrange
        var carol = Factory.ClientFor(NewUser("carol"), "engineer", "approver");
        var id = (await SubmitAsync(carol, LakeWrite())).GetProperty("id").GetString();

        // Act
        var response = await carol.PostAsJsonAsync($"/v1/access-requests/{id}/approve", new { comment = "self" });

        // Assert
        AssertProblem(response, HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("own request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await GetAsync(carol, $"/v1/access-requests/{id}");
        Assert.Equal("Pending", after.Body.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Approve_SetWithPermissionsManagementActions_NeedsTwoDistinctApprovers()
    {
        // Arrange: iam-role-admin on glue-etl itself adds PermissionsManagement actions and an escalation path,
        // each of which approval-rules.json sends to two approvers
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var dave = Factory.ClientFor(NewUser("dave"), "admin");
        var submitted = await SubmitAsync(alice, RequestFor("iam-role-admin", "arn:aws:iam::111122223333:role/service-role/glue-etl", "glue-etl"));
        var id = submitted.GetProperty("id").GetString();
        Assert.Equal(2, submitted.GetProperty("approvalsRequired").GetInt32());

        // Act
        var first = await ApproveAsync(bob, id);
        var sameAgain = await ApproveAsync(bob, id);
        var second = await ApproveAsync(dave, id);

        // Assert
        Assert.Equal("Pending", first.Body.GetProperty("status").GetString());
        Assert.Equal(1, first.Body.GetProperty("approvals").GetArrayLength());
        AssertProblem(sameAgain, HttpStatusCode.Conflict);
        Assert.Equal("Approved", second.Body.GetProperty("status").GetString());
        Assert.Equal(2, second.Body.GetProperty("approvals").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, second.Body.GetProperty("grantId").ValueKind);
        await PostAsync(dave, $"/v1/grants/{second.Body.GetProperty("grantId").GetString()}/revoke"); // later previews of this class start without it
    }

    [SkippableFact]
    public async Task Decide_RequestNoLongerPending_Returns409()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();
        var cancelled = await PostAsync(alice, $"/v1/access-requests/{id}/cancel");

        // Act
        var approve = await ApproveAsync(bob, id);
        var deny = await PostAsync(bob, $"/v1/access-requests/{id}/deny");

        // Assert
        Assert.Equal("Cancelled", cancelled.Body.GetProperty("status").GetString());
        AssertProblem(approve, HttpStatusCode.Conflict);
        AssertProblem(deny, HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Deny_ByApprover_ClosesRequestWithoutGrant()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();

        // Act
        var denied = await PostAsync(bob, $"/v1/access-requests/{id}/deny", new { comment = "use lake-read" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        Assert.Equal("Denied", denied.Body.GetProperty("status").GetString());
        Assert.Equal("use lake-read", denied.Body.GetProperty("decisionComment").GetString());
        Assert.Equal(JsonValueKind.Null, denied.Body.GetProperty("grantId").ValueKind);
    }

    /// <remarks>404 rather than 403: telling an engineer that someone else's request id exists already discloses something.</remarks>
    [SkippableFact]
    public async Task Get_AnotherEngineersRequest_Returns404AndListShowsOnlyOwn()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var eve = Factory.ClientFor(NewUser("eve"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();
        await SubmitAsync(eve, LakeWrite("arn:aws:s3:::lake-raw"));

        // Act
        var byEve = await eve.GetAsync($"/v1/access-requests/{id}");
        var byBob = await GetAsync(bob, $"/v1/access-requests/{id}");
        var eveList = await GetAsync(eve, "/v1/access-requests?pageSize=200");
        var eveCancel = await eve.PostAsJsonAsync($"/v1/access-requests/{id}/cancel", new { comment = "mine now" });

        // Assert
        AssertProblem(byEve, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, byBob.Status);
        Assert.Equal(1, eveList.Body.GetProperty("total").GetInt32());
        Assert.All(eveList.Body.GetProperty("items").EnumerateArray(), r => Assert.StartsWith("eve-", r.GetProperty("requester").GetString(), StringComparison.Ordinal));
        AssertProblem(eveCancel, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Decide_AsEngineer_Returns403Problem()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var eve = Factory.ClientFor(NewUser("eve"), "engineer");
        var id = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();

        // Act
        var response = await eve.PostAsJsonAsync($"/v1/access-requests/{id}/approve", new { comment = "sure" });
        var audit = await eve.GetAsync("/v1/audit/verify");

        // Assert
        AssertProblem(response, HttpStatusCode.Forbidden);
        AssertProblem(audit, HttpStatusCode.Forbidden);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("`approver` or `admin`", detail, StringComparison.Ordinal);
        Assert.Contains("the token carries `engineer`", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ExpireDue_AfterWindowEnds_MarksGrantExpiredAndRemovesPolicy()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite(hours: 1))).GetProperty("id").GetString();
        var grantId = (await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString();
        var stillActive = await ExpireAsync();

        // Act
        Factory.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var expired = await ExpireAsync();

        // Assert
        Assert.Equal(0, stillActive);
        Assert.True(expired >= 1, "the grant whose window has ended expires");
        var grant = await GetAsync(bob, $"/v1/grants/{grantId}");
        Assert.Equal("Expired", grant.Body.GetProperty("status").GetString());
        Assert.Null(await FindInlinePolicyAsync("data-engineer", $"grant-{grantId}"));
        Assert.Equal(0, await ExpireAsync());
    }

    private async Task<int> ExpireAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var grants = scope.ServiceProvider.GetRequiredService<GrantService>();
        // Other tests' grants in this class may be due too; count only matters relative to this test's own.
        return await grants.ExpireDueAsync(CancellationToken.None);
    }

    /// <summary>The grant's inline policy as the organisation copy in the database holds it, read as another node would.</summary>
    private async Task<JsonObject?> FindInlinePolicyAsync(string role, string policyName)
    {
        var copy = await OrganizationCopyReader.ReadAsync(Factory.Services);
        var snapshot = JsonNode.Parse(copy.Files[copy.IamFileOf("111122223333")!]!.Value.Span)!;
        var roleNode = snapshot["RoleDetailList"]!.AsArray().First(r => (string?)r!["RoleName"] == role)!;
        return roleNode["RolePolicyList"]?.AsArray()
            .FirstOrDefault(p => (string?)p!["PolicyName"] == policyName)?["PolicyDocument"] as JsonObject;
    }
}
