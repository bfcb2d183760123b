using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;

namespace Governance.Api.Tests.Console.Engineer;

public abstract partial class EngineerConsoleTests<TFixture>
{
    private static Dictionary<string, string> LakeWriteForm(string bucket, string hours = "4") => new()
    {
        ["PermissionSet"] = "lake-write",
        ["Resources"] = $"arn:aws:s3:::{bucket}/*",
        ["TargetRole"] = DataEngineer,
        ["DurationHours"] = hours,
        ["Justification"] = "backfill of the orders table after the schema change",
    };

    private static string NewBucket(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private async Task<int> RequestCountAsync(string user)
    {
        var response = await Factory.ClientFor(user, "engineer").GetAsync("/v1/access-requests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.GetProperty("total").GetInt32();
    }

    [SkippableFact]
    public async Task Preview_ShowsTheAddedActionsAndTheApprovals_AndSubmitsNothing()
    {
        var user = NewUser("alice");
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");
        var form = await alice.GetAsync("/request-access");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var preview = await form.SubmitAsync("form#request", LakeWriteForm(NewBucket("lake-pre")), submitter: "Preview");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var added = preview.Text("#preview");
        // lake-write grants s3:PutObject on the objects (policies/permission-sets/lake-write.json): a Write action.
        Assert.Contains("s3:PutObject", preview.Text("#preview [data-testid=actions-write]"), StringComparison.Ordinal);
        Assert.Contains("1 approval(s)", preview.Text("[data-testid=approval]"), StringComparison.Ordinal);
        Assert.Contains("Nothing was submitted", added, StringComparison.Ordinal);
        Assert.Equal(0, await RequestCountAsync(user));
        // The form keeps what was typed, ready to submit.
        Assert.Equal("4", preview.One("#DurationHours").GetAttribute("value"));
        Assert.Equal("lake-write", preview.One("#PermissionSet option[selected]").GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Submit_CreatesTheRequestAsTheApiDoes_AndOpensIt()
    {
        var user = NewUser("alice");
        var bucket = NewBucket("lake-sub");
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");
        var form = await alice.GetAsync("/request-access");

        var submitted = await form.SubmitAsync("form#request", LakeWriteForm(bucket), submitter: "Submit");

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.StartsWith("/requests/", submitted.Location!.OriginalString, StringComparison.Ordinal);
        var id = submitted.Location.OriginalString["/requests/".Length..];
        var read = await Factory.ClientFor(user, "engineer").GetAsync($"/v1/access-requests/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var request = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal("lake-write", request.RootElement.GetProperty("permissionSet").GetString());
        Assert.Equal(user, request.RootElement.GetProperty("requester").GetString());
        Assert.Equal($"arn:aws:s3:::{bucket}/*", request.RootElement.GetProperty("resources")[0].GetString());
        Assert.Equal(4, request.RootElement.GetProperty("durationHours").GetInt32());
        Assert.Equal("Pending", request.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await submitted.FollowAsync()).Status);
    }

    [SkippableFact]
    public async Task Submit_InvalidFields_AreNamedAtTheirInputs_AndNothingIsCreated()
    {
        var user = NewUser("alice");
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");
        var form = await alice.GetAsync("/request-access");
        var fields = LakeWriteForm(NewBucket("lake-bad"), hours: "13");
        fields["Resources"] = "arn:aws:s3:::lake-ok/*\nlake-x/a";
        fields["Justification"] = "";

        var refused = await form.SubmitAsync("form#request", fields, submitter: "Submit");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        // lake-write allows at most 12 hours; the second resource is not an ARN; a justification is required.
        Assert.Contains("12 hours", refused.Text("#DurationHours-error"), StringComparison.Ordinal);
        Assert.StartsWith("resource 2:", refused.Text("#Resources-error"), StringComparison.Ordinal);
        Assert.NotEmpty(refused.Text("#Justification-error"));
        Assert.Empty(refused.All("#PermissionSet-error"));
        Assert.NotEmpty(refused.All("[role=alert]"));
        Assert.Equal(0, await RequestCountAsync(user));
    }

    [SkippableFact]
    public async Task Submit_DurationThatIsNotANumber_IsNamedAtItsInput()
    {
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");
        var form = await alice.GetAsync("/request-access");

        var refused = await form.SubmitAsync("form#request", LakeWriteForm(NewBucket("lake-nan"), hours: "four"), submitter: "Preview");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("whole number", refused.Text("#DurationHours-error"), StringComparison.Ordinal);
        Assert.Empty(refused.All("#preview"));
    }

    [SkippableFact]
    public async Task Submit_PastTheRequesterLimit_IsANoticeToWait_AndCreatesNothing()
    {
        // Governance:Requests:Limits:MaxPendingRequests is 20 by default (RequesterLimits).
        var user = NewUser("alice");
        var api = Factory.ClientFor(user, "engineer");
        for (var i = 0; i < 20; i++)
        {
            await SubmitAsync(api, LakeWrite($"arn:aws:s3:::{NewBucket("lake-lim")}/*"));
        }
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");
        var form = await alice.GetAsync("/request-access");

        var refused = await form.SubmitAsync("form#request", LakeWriteForm(NewBucket("lake-lim")), submitter: "Submit");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var notice = refused.One("[data-testid=problem]");
        Assert.Contains("warn", notice.ClassName, StringComparison.Ordinal);
        Assert.Contains("20", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, await RequestCountAsync(user));
    }

    [SkippableFact]
    public async Task Preview_OfAccessTheRoleCannotUse_SaysItAddsNothing_AndSubmittingIsRefusedInWords()
    {
        // data-engineer's boundary DataPlatformBoundary denies iam:* (Sid NoIamChanges), as the API test
        // Submit_IamActionsForARoleWhoseBoundaryDeniesThem_IsRefusedNamingTheBoundary says.
        var user = NewUser("alice");
        using var alice = await ConsoleClient.SignInAsync(Factory, user, "engineer");
        var form = await alice.GetAsync("/request-access");
        var fields = new Dictionary<string, string>
        {
            ["PermissionSet"] = "iam-role-admin", ["Resources"] = "arn:aws:iam::111122223333:role/service-role/glue-etl",
            ["TargetRole"] = DataEngineer, ["DurationHours"] = "2", ["Justification"] = "rotate the job's inline policy",
        };

        var preview = await form.SubmitAsync("form#request", fields, submitter: "Preview");
        var refused = await preview.SubmitAsync("form#request", submitter: "Submit");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("permissions boundary `DataPlatformBoundary`", preview.Text("#preview [data-testid=nothing-added]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("would add nothing", refused.Text("[data-testid=problem]"), StringComparison.Ordinal);
        Assert.Equal(0, await RequestCountAsync(user));
    }

    [SkippableFact]
    public async Task Preview_OfPolicyRightsOnTheRoleItself_ShowsTheHighFindingAndTwoApprovals()
    {
        // glue-etl has no permissions boundary, so policy rights on itself let it grant itself anything: a High
        // PrivilegeEscalation finding, and the approval rules ask for two approvers.
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");
        var form = await alice.GetAsync("/request-access");

        var preview = await form.SubmitAsync("form#request", new Dictionary<string, string>
        {
            ["PermissionSet"] = "iam-role-admin", ["Resources"] = "arn:aws:iam::111122223333:role/service-role/glue-etl",
            ["TargetRole"] = "arn:aws:iam::111122223333:role/service-role/glue-etl", ["DurationHours"] = "2",
            ["Justification"] = "rotate the job's inline policy",
        }, submitter: "Preview");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("High", preview.Text("#preview [data-testid=findings]"), StringComparison.Ordinal);
        Assert.Contains("iam:PutRolePolicy", preview.Text("#preview [data-testid=actions-permissionsmanagement]"), StringComparison.Ordinal);
        Assert.Contains("2 approval(s)", preview.Text("[data-testid=approval]"), StringComparison.Ordinal);
    }
}
