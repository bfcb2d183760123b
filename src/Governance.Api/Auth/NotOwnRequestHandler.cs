using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>Fails when the caller requested the access they are about to decide on, as <see cref="RequestDecisionRules"/> says.</summary>
internal sealed class NotOwnRequestHandler : AuthorizationHandler<NotOwnRequestRequirement, AccessRequest>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotOwnRequestRequirement requirement, AccessRequest resource)
    {
        if (RequestDecisionRules.WhyNotDecide(resource, context.User.SubjectId()) is { } refused)
        {
            context.Fail(new RefusalReason(this, refused));
        }
        else
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
