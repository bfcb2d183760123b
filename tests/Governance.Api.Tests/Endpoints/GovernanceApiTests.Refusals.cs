using System.Net;
using Governance.Core.Identity;
using Governance.Core.Workflow.Requests;
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
        var approve = await PostAsync(carol, $"/v1/access-requests/{id}/approve");
        var deny = await PostAsync(carol, $"/v1/access-requests/{id}/deny");
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AccessRequestService>();
        var direct = await service.ApproveAsync(actor, Guid.Parse(id), "self", authorize: null, CancellationToken.None);

        // Assert
        AssertProblem(approve, HttpStatusCode.Forbidden);
        AssertProblem(deny, HttpStatusCode.Forbidden);
        Assert.False(direct.Success, "the service refuses a self-approval on its own");
        foreach (var body in new[] { approve.Body, deny.Body })
        {
            Assert.Equal(direct.Error.Code, body.GetProperty("code").GetString());
            Assert.Equal($"urn:iamgov:problem:{direct.Error.Code}", body.GetProperty("type").GetString());
            Assert.Equal(direct.Error.Detail, body.GetProperty("detail").GetString());
        }
        var after = await GetAsync(carol, $"/v1/access-requests/{id}");
        Assert.Equal("Pending", after.Body.GetProperty("status").GetString());
    }
}
