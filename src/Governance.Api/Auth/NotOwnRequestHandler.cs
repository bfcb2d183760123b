using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>Fails when the caller requested the access they are about to decide on.</summary>
internal sealed class NotOwnRequestHandler : AuthorizationHandler<NotOwnRequestRequirement, AccessRequest>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotOwnRequestRequirement requirement, AccessRequest resource)
    {
        if (string.Equals(resource.RequesterId, context.User.SubjectId(), StringComparison.Ordinal))
        {
            context.Fail(new AuthorizationFailureReason(this, "a requester never decides their own request"));
        }
        else
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
