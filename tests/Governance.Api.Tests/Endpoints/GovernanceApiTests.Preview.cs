using System.Net;
using Governance.Core.Results;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task Preview_GrantTheRoleAlreadyHas_AddsNothingAndIsNotApprovedAutomatically()
    {
        // Arrange: data-engineer's inline lake-sandbox-access already reads and writes lake-sandbox
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var submitted = await SubmitAsync(alice, RequestFor("lake-read", "arn:aws:s3:::lake-sandbox/*", hours: 1));

        // Assert
        var preview = submitted.GetProperty("preview");
        var added = preview.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.DoesNotContain("s3:GetObject", added);
        Assert.DoesNotContain("s3:ListBucket", added);
        Assert.Equal(0, preview.GetProperty("findings").GetArrayLength());
    }

    [SkippableFact]
    public async Task Preview_IamRoleAdminOnTheTargetRoleItself_CarriesHighFindingAndNeedsTwoApprovers()
    {
        // Arrange: glue-etl has no permissions boundary, so policy rights on itself let it grant itself anything
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var submitted = await SubmitAsync(alice, RequestFor("iam-role-admin", "arn:aws:iam::111122223333:role/service-role/glue-etl", "glue-etl"));

        // Assert
        var preview = submitted.GetProperty("preview");
        var findings = preview.GetProperty("findings").EnumerateArray().ToList();
        Assert.True(findings.Any(f => f.GetProperty("severity").GetString() is "High" && f.GetProperty("code").GetString() == "PrivilegeEscalation"),
            preview.ToString());
        Assert.Contains(preview.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "iam:PutRolePolicy"
            && a.GetProperty("accessLevel").GetString() == "PermissionsManagement");
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        Assert.Equal(2, submitted.GetProperty("approvalsRequired").GetInt32());
    }

    [SkippableFact]
    public async Task Submit_IamActionsForARoleWhoseBoundaryDeniesThem_IsRefusedNamingTheBoundary()
    {
        // Arrange: data-engineer's boundary DataPlatformBoundary denies iam:*, so the grant could never take effect
        var user = NewUser("alice");
        var alice = Factory.ClientFor(user, "engineer");

        // Act
        var refused = await SubmitAsync(alice, RequestFor("iam-role-admin", "arn:aws:iam::111122223333:role/service-role/glue-etl"),
            HttpStatusCode.UnprocessableEntity);
        var queue = await GetAsync(Factory.ClientFor(NewUser("bob"), "approver"), "/v1/access-requests?status=Pending&permissionSet=iam-role-admin");

        // Assert: said at submission, with the reason, and never queued for approvers
        Assert.Equal(ProblemCodes.RequestAddsNothing, refused.GetProperty("code").GetString());
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("permissions boundary `DataPlatformBoundary`", detail, StringComparison.Ordinal);
        Assert.True(detail.Contains("denies (Sid `NoIamChanges`", StringComparison.Ordinal) && detail.Contains("`iam:AttachRolePolicy`", StringComparison.Ordinal), detail);
        Assert.DoesNotContain(queue.Body.GetProperty("items").EnumerateArray(), r => r.GetProperty("requester").GetString() == user);
    }
}
