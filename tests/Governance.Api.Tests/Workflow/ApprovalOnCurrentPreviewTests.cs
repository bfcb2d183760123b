using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Governance.Core.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Workflow;

/// <summary>
/// Issue 14's first part through the real pipeline, on the policies as they were when it was filed
/// (<see cref="FiledPolicies"/>): a decision is taken on the access as it is when it is taken, and an approval counts
/// only for the preview it was given on.
/// </summary>
public abstract class ApprovalOnCurrentPreviewTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private const string GlueEtl = "arn:aws:iam::111122223333:role/service-role/glue-etl";

    private static object IamRoleAdminOnGlueEtl => new
    {
        permissionSet = "iam-role-admin",
        resources = new[] { GlueEtl },
        targetRole = "glue-etl",
        justification = "rotate the job's inline policy",
        durationHours = 2,
    };

    [SkippableFact]
    public async Task StaleTwoApprovalBypass_AsFiled_SecondRequestNeedsTwoAndOneApprovalDoesNotGrant()
    {
        // Arrange: the steps. The first request needs two approvers (PermissionsManagement) and is approved.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var (bob, dave, erin, frank) = (Approver("bob"), Approver("dave"), Approver("erin"), Approver("frank"));
        var first = await SubmitAsync(alice, IamRoleAdminOnGlueEtl);
        Assert.Equal(2, first.GetProperty("approvalsRequired").GetInt32());
        var firstId = first.GetProperty("id").GetString();
        await ApproveAsync(bob, firstId);
        var grantId = (await ApproveAsync(dave, firstId)).Body.GetProperty("grantId").GetString();

        // Act: the second, submitted while the first grant is active; the first grant revoked; one approver approves
        var second = await SubmitAsync(alice, IamRoleAdminOnGlueEtl);
        var secondId = second.GetProperty("id").GetString();
        var revoked = await PostAsync(bob, $"/v1/grants/{grantId}/revoke");
        var oneApproval = await ApproveAsync(erin, secondId);
        var canI = await GetAsync(alice, $"/v1/can-i?principal=glue-etl&action=iam:PutRolePolicy&resource={GlueEtl}");

        // Assert: previewed against the role's standing access, the second shows what it gives and needs two; one
        // approval grants nothing, and iam:PutRolePolicy stays denied until a second approver agrees
        Assert.Equal(2, second.GetProperty("approvalsRequired").GetInt32());
        Assert.Contains(second.GetProperty("preview").GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "iam:PutRolePolicy");
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal(HttpStatusCode.OK, oneApproval.Status);
        Assert.Equal("Pending", oneApproval.Body.GetProperty("status").GetString());
        Assert.False(canI.Body.GetProperty("allowed").GetBoolean(), canI.Body.ToString());
        var secondApproval = await ApproveAsync(frank, secondId);
        Assert.Equal("Approved", secondApproval.Body.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Approve_PreviewRiskRoseSinceAnApproval_OldVersionIs409AndEarlierApprovalStopsCounting()
    {
        // Arrange: glue-etl holds iam:PutRolePolicy on itself for good, so the request adds the other role-policy actions
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var (bob, dave) = (Approver("bob"), Approver("dave"));
        await ChangeGlueEtlAsync(policies => policies.Add(new JsonObject
        {
            ["PolicyName"] = "standing-put-role-policy",
            ["PolicyDocument"] = JsonNode.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"{{GlueEtl}}"}]}"""),
        }));
        var id = (await SubmitAsync(alice, IamRoleAdminOnGlueEtl)).GetProperty("id").GetString();
        var read = await ReadAsync(bob, id);
        Assert.DoesNotContain(read.Body.GetProperty("preview").GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "iam:PutRolePolicy");
        var bobApproved = await ApproveAsync(bob, id);
        Assert.Equal("Pending", bobApproved.Body.GetProperty("status").GetString());

        // Act: the standing policy goes, so the request now adds iam:PutRolePolicy too; dave approves what he read before
        await ChangeGlueEtlAsync(policies => policies.Remove(policies.Single(p => (string?)p!["PolicyName"] == "standing-put-role-policy")));
        var reread = await ReadAsync(dave, id);
        var stale = await PostWithIfMatchAsync(dave, id, read.ETag);
        var daveApproved = await PostWithIfMatchAsync(dave, id, reread.ETag);

        // Assert: the stale approval is refused with the new preview; bob's approval no longer counts, so dave's alone does not grant
        AssertProblem(stale, HttpStatusCode.Conflict);
        Assert.Equal(ProblemCodes.PreviewChanged, stale.Body.GetProperty("code").GetString());
        Assert.Equal(reread.ETag, $"\"{stale.Body.GetProperty("previewVersion").GetString()}\"");
        Assert.Contains(stale.Body.GetProperty("preview").GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "iam:PutRolePolicy");
        Assert.NotEqual(read.ETag, reread.ETag);
        Assert.Contains("iam:PutRolePolicy", reread.Body.GetProperty("riskRose").GetString(), StringComparison.Ordinal);
        Assert.False(reread.Body.GetProperty("approvals")[0].GetProperty("counts").GetBoolean(), "a reader sees that bob's approval no longer counts");
        var approvals = daveApproved.Body.GetProperty("approvals").EnumerateArray().ToArray();
        Assert.Equal("Pending", daveApproved.Body.GetProperty("status").GetString());
        Assert.False(approvals.Single(a => a.GetProperty("approver").GetString()!.StartsWith("bob", StringComparison.Ordinal)).GetProperty("counts").GetBoolean());
        Assert.True(approvals.Single(a => a.GetProperty("approver").GetString()!.StartsWith("dave", StringComparison.Ordinal)).GetProperty("counts").GetBoolean());
        var bobAgain = await ApproveAsync(bob, id);
        Assert.Equal("Approved", bobAgain.Body.GetProperty("status").GetString());
        var events = await GetAsync(bob, $"/v1/audit/events?requestId={id}&pageSize=50");
        var changed = events.Body.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "request.preview-changed");
        Assert.True(changed.GetProperty("after").GetRawText().Contains("iam:PutRolePolicy", StringComparison.Ordinal), changed.ToString());
    }

    [SkippableFact]
    public async Task Approve_WithoutAPreviewVersion_Is428CarryingTheCurrentOne()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Approver("bob");
        var id = (await SubmitAsync(alice, IamRoleAdminOnGlueEtl)).GetProperty("id").GetString();

        // Act
        var blind = await PostAsync(bob, $"/v1/access-requests/{id}/approve", new { comment = "looks fine" });
        var read = await ReadAsync(bob, id);

        // Assert: nothing recorded; the problem names the version to read and approve
        Assert.Equal(HttpStatusCode.PreconditionRequired, blind.Status);
        Assert.Equal(ProblemCodes.PreviewVersionRequired, blind.Body.GetProperty("code").GetString());
        Assert.Equal(read.ETag, $"\"{blind.Body.GetProperty("previewVersion").GetString()}\"");
        Assert.Equal(0, read.Body.GetProperty("approvals").GetArrayLength());
    }

    [SkippableFact]
    public async Task Approve_RequestThatNowAddsNothing_IsRefusedAndStaysPending()
    {
        // Arrange: submitted while it adds something; then glue-etl gets every action of the set for good
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Approver("bob");
        var id = (await SubmitAsync(alice, IamRoleAdminOnGlueEtl)).GetProperty("id").GetString();
        await ChangeGlueEtlAsync(policies => policies.Add(new JsonObject
        {
            ["PolicyName"] = "standing-role-admin",
            ["PolicyDocument"] = JsonNode.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*Role*"],"Resource":"{{GlueEtl}}"}]}"""),
        }));

        try
        {
            // Act
            var approve = await ApproveAsync(bob, id);
            var read = await ReadAsync(bob, id);

            // Assert: an approval now would wait unseen for the standing policy to go
            Assert.Equal(HttpStatusCode.UnprocessableEntity, approve.Status);
            Assert.Equal(ProblemCodes.RequestAddsNothing, approve.Body.GetProperty("code").GetString());
            Assert.Contains("already has", approve.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(approve.Body.GetProperty("detail").GetString()!.Contains("standing-role-admin", StringComparison.Ordinal), approve.Body.ToString());
            Assert.Equal("Pending", read.Body.GetProperty("status").GetString());
            Assert.Equal(0, read.Body.GetProperty("approvals").GetArrayLength());
        }
        finally
        {
            await ChangeGlueEtlAsync(policies => policies.Remove(policies.Single(p => (string?)p!["PolicyName"] == "standing-role-admin")));
        }
    }

    [SkippableFact]
    public async Task Approve_TargetRoleGoneFromTheCopy_Is409AndTheReadSaysWhy()
    {
        // Arrange: a pending request on data-analyst; then the role is deleted in the account
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Approver("bob");
        var id = (await SubmitAsync(alice, RequestFor("lake-write", "arn:aws:s3:::lake-gone/*", targetRole: "data-analyst"))).GetProperty("id").GetString();
        var read = await ReadAsync(bob, id);
        JsonNode? removed = null;
        await ChangeRolesAsync(roles => roles.Remove(removed = roles.Single(r => (string?)r!["RoleName"] == "data-analyst")));

        try
        {
            // Act
            var approve = await PostWithIfMatchAsync(bob, id, read.ETag);
            var reread = await ReadAsync(bob, id);

            // Assert: nothing to decide on; the reader is told why and sees the preview last recorded
            AssertProblem(approve, HttpStatusCode.Conflict);
            Assert.Equal(ProblemCodes.PreviewUnavailable, approve.Body.GetProperty("code").GetString());
            Assert.Contains("data-analyst", reread.Body.GetProperty("previewProblem").GetString(), StringComparison.Ordinal);
            Assert.Equal("Pending", reread.Body.GetProperty("status").GetString());
        }
        finally
        {
            await ChangeRolesAsync(roles => roles.Add(removed!.DeepClone()));
        }
    }

    private HttpClient Approver(string name) => Factory.ClientFor(NewUser(name), "approver");

    private static async Task<(JsonElement Body, string? ETag)> ReadAsync(HttpClient client, string? id)
    {
        var response = await client.GetAsync($"/v1/access-requests/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag?.ToString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostWithIfMatchAsync(HttpClient approver, string? id, string? etag)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/v1/access-requests/{id}/approve") { Content = JsonContent.Create(new { comment = "ok" }) };
        message.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await approver.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Changes glue-etl's inline policies in the organisation copy, as a refresh from AWS would.</summary>
    private Task ChangeGlueEtlAsync(Action<JsonArray> change)
        => ChangeRolesAsync(roles => change(roles.OfType<JsonObject>().Single(r => (string?)r["Arn"] == GlueEtl)["RolePolicyList"]!.AsArray()));

    /// <summary>Changes the roles of account 111122223333 in the organisation copy, as a refresh from AWS would.</summary>
    private async Task ChangeRolesAsync(Action<JsonArray> change)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<OrganizationStore>();
        var state = await store.UpdateAccountIamAsync(db, "111122223333", root =>
        {
            change(root["RoleDetailList"]!.AsArray());
            return true;
        }, "test: the account's roles changed", CancellationToken.None);
        Assert.NotNull(state);
    }
}

/// <summary><see cref="ApprovalOnCurrentPreviewTests{TFixture}"/> on SQLite.</summary>
public sealed class ApprovalOnCurrentPreviewTests_Sqlite(FiledPoliciesSqliteFixture fixture)
    : ApprovalOnCurrentPreviewTests<FiledPoliciesSqliteFixture>(fixture), IClassFixture<FiledPoliciesSqliteFixture>;

/// <summary><see cref="ApprovalOnCurrentPreviewTests{TFixture}"/> on PostgreSQL.</summary>
public sealed class ApprovalOnCurrentPreviewTests_Postgres(FiledPoliciesPostgresFixture fixture)
    : ApprovalOnCurrentPreviewTests<FiledPoliciesPostgresFixture>(fixture), IClassFixture<FiledPoliciesPostgresFixture>;
