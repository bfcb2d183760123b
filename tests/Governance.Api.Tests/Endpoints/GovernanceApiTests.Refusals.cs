using System.Net;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task Decide_OwnRequest_HandlerAndServiceRefuseWithTheSameProblem()
    {
        // Arrange: carol holds both roles, so only the self-decision rule stands in her way
        var subject = NewUser("carol");
        var carol = Factory.ClientFor(subject, "engineer", "approver");
        var id = (await SubmitAsync(carol, LakeWrite())).GetProperty("id").GetString()!;
        var actor = new Actor(subject, new HashSet<string>(StringComparer.Ordinal) { Roles.Engineer, Roles.Approver });

        // Act: through the API (its authorization handler), then the service alone, as a caller without the handler
        var approve = await ApproveAsync(carol, id);
        var deny = await PostAsync(carol, $"/v1/access-requests/{id}/deny");
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AccessRequestService>();
        var direct = await service.ApproveAsync(actor, Guid.Parse(id), previewVersion: null, "self", authorize: null, CancellationToken.None);

        // Assert
        AssertProblem(approve, HttpStatusCode.Forbidden, ProblemCodes.SelfDecision);
        AssertProblem(deny, HttpStatusCode.Forbidden, ProblemCodes.SelfDecision);
        Assert.False(direct.Success, "the service refuses a self-approval on its own");
        foreach (var body in new[] { approve.Body, deny.Body })
        {
            Assert.Equal(direct.Error.Code, body.GetProperty("code").GetString());
            Assert.Equal(direct.Error.Detail, body.GetProperty("detail").GetString());
        }
        var after = await GetAsync(carol, $"/v1/access-requests/{id}");
        Assert.Equal("Pending", after.Body.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Refusals_EachKind_AnswersItsProblemCode()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var cancelled = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();
        await PostAsync(alice, $"/v1/access-requests/{cancelled}/cancel");
        var pending = (await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString();

        // Act
        var invalid = await PostAsync(alice, "/v1/access-requests", new { permissionSet = "lake-write" });
        var notAllowedSet = await PostAsync(alice, "/v1/access-requests", RequestFor("kms-key-admin", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        var unknownRequest = await GetAsync(alice, $"/v1/access-requests/{Guid.NewGuid()}");
        var unknownGrant = await GetAsync(alice, $"/v1/grants/{Guid.NewGuid()}");
        var notPending = await ApproveAsync(bob, cancelled);
        var notAnApprover = await ApproveAsync(alice, pending);
        var notTheRequester = await PostAsync(bob, $"/v1/access-requests/{pending}/cancel");
        var unknownPrincipal = await GetAsync(alice, "/v1/can-i?principal=data-enginer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a");

        // Assert
        AssertProblem(invalid, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        AssertProblem(notAllowedSet, HttpStatusCode.Forbidden, ProblemCodes.RoleMayNotRequest);
        AssertProblem(unknownRequest, HttpStatusCode.NotFound, ProblemCodes.RequestNotFound);
        AssertProblem(unknownGrant, HttpStatusCode.NotFound, ProblemCodes.GrantNotFound);
        AssertProblem(notPending, HttpStatusCode.Conflict, ProblemCodes.RequestNotPending);
        AssertProblem(notAnApprover, HttpStatusCode.Forbidden, ProblemCodes.RoleRequired);
        AssertProblem(notTheRequester, HttpStatusCode.Forbidden, ProblemCodes.NotRequester);
        AssertProblem(unknownPrincipal, HttpStatusCode.NotFound, ProblemCodes.PrincipalNotFound);
    }

    [SkippableFact]
    public async Task Decide_RequestChangedByAWriterWithoutTheLock_Returns409ConcurrentDecision()
    {
        // Arrange: a writer that skips the write lock changes the request between the service's read and its save
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var id = Guid.Parse((await SubmitAsync(alice, LakeWrite())).GetProperty("id").GetString()!);
        await using var scope = Factory.Services.CreateAsyncScope();
        ChangeBeforeSave(scope, db => db.AccessRequests.Where(r => r.Id == id).ExecuteUpdate(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid())));
        var requests = scope.ServiceProvider.GetRequiredService<AccessRequestService>();

        // Act
        var outcome = await requests.DenyAsync(new Actor(NewUser("bob"), new HashSet<string> { Roles.Approver }), id, null, authorize: null, CancellationToken.None);

        // Assert
        Assert.Equal((GovernanceErrorKind.Conflict, ProblemCodes.ConcurrentDecision), (outcome.Error?.Kind, outcome.Error?.Code));
    }

    [SkippableFact]
    public async Task Revoke_GrantChangedByAWriterWithoutTheLock_Returns409ConcurrentChange()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::lake-cc-{Guid.NewGuid():N}"[..30] + "/*"))).GetProperty("id").GetString();
        var grantId = Guid.Parse((await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString()!);
        await using var scope = Factory.Services.CreateAsyncScope();
        ChangeBeforeSave(scope, db => db.Grants.Where(g => g.Id == grantId).ExecuteUpdate(s => s.SetProperty(g => g.ConcurrencyStamp, Guid.NewGuid())));
        var grants = scope.ServiceProvider.GetRequiredService<GrantService>();

        // Act
        var outcome = await grants.RevokeAsync(new Actor(NewUser("bob"), new HashSet<string> { Roles.Approver }), grantId, null, CancellationToken.None);
        await PostAsync(bob, $"/v1/grants/{grantId}/revoke"); // leave no grant behind for the other tests of this class

        // Assert
        Assert.Equal((GovernanceErrorKind.Conflict, ProblemCodes.ConcurrentChange), (outcome.Error?.Kind, outcome.Error?.Code));
    }

    private static void AssertProblem((HttpStatusCode Status, System.Text.Json.JsonElement Body) result, HttpStatusCode status, string code)
    {
        AssertProblem(result, status);
        Assert.Equal(code, result.Body.GetProperty("code").GetString());
        Assert.Equal($"urn:iamgov:problem:{code}", result.Body.GetProperty("type").GetString());
    }

    /// <summary>Runs <paramref name="change"/> once, on the scope's own connection and transaction, just before its first save.</summary>
    private static void ChangeBeforeSave(AsyncServiceScope scope, Action<GovernanceDbContext> change)
    {
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var done = false;
        db.SavingChanges += (_, _) =>
        {
            if (!done)
            {
                done = true;
                change(db);
            }
        };
    }
}
