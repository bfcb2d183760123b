using Governance.Core.Workflow.Credentials;
using Governance.Core.Workflow.Grants;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>Succeeds only for the grant's requester, as <see cref="CredentialRules"/> says: credentials for a grant go to
/// them and to no one else, approvers and admins included.</summary>
internal sealed class GrantRequesterHandler : AuthorizationHandler<GrantRequesterRequirement, Grant>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GrantRequesterRequirement requirement, Grant resource)
    {
        if (CredentialRules.WhyNotIssue(resource, context.User.SubjectId()) is { } refused)
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
