using Governance.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>The named authorization policies; everything else falls back to "authenticated".</summary>
internal static class AuthorizationPolicies
{
    /// <summary>Any of the service's roles: engineers, approvers, admins.</summary>
    public const string Member = "member";

    /// <summary>Approvers and admins: decisions, revocations, the audit log.</summary>
    public const string Decider = "decider";

    public static IServiceCollection AddGovernanceAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, NotOwnRequestHandler>();
        services.AddSingleton<IAuthorizationHandler, CanViewRequestHandler>();
        services.AddSingleton<IAuthorizationHandler, GrantRequesterHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblemHandler>();
        services.AddAuthorizationBuilder()
            // Denied by default: an endpoint that forgets its policy still needs a valid token.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Member, static p => p.RequireAuthenticatedUser().RequireRole(Roles.Engineer, Roles.Approver, Roles.Admin))
            .AddPolicy(Decider, static p => p.RequireAuthenticatedUser().RequireRole(Roles.Approver, Roles.Admin));
        return services;
    }
}
