using Governance.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>Engineers see only their own requests and grants; approvers and admins see all.</summary>
/// <remarks>The resource is the requester's subject, so the same rule serves requests and grants.</remarks>
internal sealed class CanViewRequestHandler : AuthorizationHandler<CanViewRequestRequirement, RequesterOf>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CanViewRequestRequirement requirement, RequesterOf resource)
    {
        if (context.User.IsInRole(Roles.Approver) || context.User.IsInRole(Roles.Admin)
            || string.Equals(resource.RequesterId, context.User.SubjectId(), StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "engineers see only their own requests"));
        }
        return Task.CompletedTask;
    }
}
