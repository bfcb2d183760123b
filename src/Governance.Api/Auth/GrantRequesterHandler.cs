using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>Succeeds only for the grant's requester: credentials for a grant go to them and to no one else, approvers
/// and admins included, so that every session of a grant acts for the person the approvals were about.</summary>
internal sealed class GrantRequesterHandler : AuthorizationHandler<GrantRequesterRequirement, RequesterOf>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GrantRequesterRequirement requirement, RequesterOf resource)
    {
        if (string.Equals(resource.RequesterId, context.User.SubjectId(), StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "only the grant's requester gets credentials for it"));
        }
        return Task.CompletedTask;
    }
}
