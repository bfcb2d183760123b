using Governance.Api.Console;
using Governance.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>
/// The named authorization policies; everything else falls back to "authenticated". Each role rule is written once and
/// applied twice: to bearer tokens for the JSON API, and to the cookie session for the console's pages.
/// </summary>
internal static class AuthorizationPolicies
{
    /// <summary>Any of the service's roles: engineers, approvers, admins.</summary>
    public const string Member = "member";

    /// <summary>Approvers and admins: decisions, revocations, the audit log.</summary>
    public const string Decider = "decider";

    /// <summary>Admins: operations on the service itself (checkpoints, a drift audit run now).</summary>
    public const string Admin = "admin";

    /// <summary><see cref="Member"/>, signed in to the console.</summary>
    public const string ConsoleMember = "console-member";

    /// <summary><see cref="Decider"/>, signed in to the console.</summary>
    public const string ConsoleDecider = "console-decider";

    /// <summary><see cref="Admin"/>, signed in to the console.</summary>
    public const string ConsoleAdmin = "console-admin";

    private static readonly string[] MemberRoles = [Roles.Engineer, Roles.Approver, Roles.Admin];
    private static readonly string[] DeciderRoles = [Roles.Approver, Roles.Admin];
    private static readonly string[] AdminRoles = [Roles.Admin];

    public static IServiceCollection AddGovernanceAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, NotOwnRequestHandler>();
        services.AddSingleton<IAuthorizationHandler, CanViewRequestHandler>();
        services.AddSingleton<IAuthorizationHandler, GrantRequesterHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblemHandler>();
        services.AddAuthorizationBuilder()
            // Denied by default: an endpoint that forgets its policy still needs a valid token.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Member, static p => p.RequireAuthenticatedUser().RequireRole(MemberRoles))
            .AddPolicy(Decider, static p => p.RequireAuthenticatedUser().RequireRole(DeciderRoles))
            .AddPolicy(Admin, static p => p.RequireAuthenticatedUser().RequireRole(AdminRoles))
            .AddPolicy(ConsoleMember, static p => InConsole(p).RequireRole(MemberRoles))
            .AddPolicy(ConsoleDecider, static p => InConsole(p).RequireRole(DeciderRoles))
            .AddPolicy(ConsoleAdmin, static p => InConsole(p).RequireRole(AdminRoles));
        return services;
    }

    private static AuthorizationPolicyBuilder InConsole(AuthorizationPolicyBuilder policy)
        => policy.AddAuthenticationSchemes(ConsoleAuthentication.CookieScheme).RequireAuthenticatedUser();
}
