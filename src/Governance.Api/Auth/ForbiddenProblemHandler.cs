using Governance.Api.Console;
using Governance.Api.Problems;
using Governance.Core.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Governance.Api.Auth;

/// <summary>
/// Answers a caller whose token is valid but whose roles an endpoint's policy refuses with a 403 problem that says which
/// roles the endpoint needs and which the token carries, rather than an empty 403.
/// </summary>
/// <remarks>Challenges (no token or a bad one) keep the bearer handler's 401 with its <c>WWW-Authenticate</c> header.</remarks>
internal sealed class ForbiddenProblemHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        // The console's pages: the cookie scheme sends a refused person to its page that says so.
        if (!authorizeResult.Forbidden || !ConsolePaths.IsApi(context.Request.Path))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }
        var needed = authorizeResult.AuthorizationFailure?.FailedRequirements
            .OfType<RolesAuthorizationRequirement>()
            .SelectMany(static r => r.AllowedRoles)
            .Distinct(StringComparer.Ordinal)
            .ToArray() ?? [];
        // Roles only: what the policy decided on.
        var held = context.User.RolesHeld().Order(StringComparer.Ordinal).ToArray();
        var detail = needed.Length == 0
            ? "the token does not allow this request"
            : $"this request needs the role {Quoted(needed, " or ")}; the token carries {(held.Length == 0 ? "no role of this service" : Quoted(held, ", "))}";
        var problem = ProblemMapping.Forbidden(ProblemCodes.RoleRequired, detail);
        await problem.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static string Quoted(IEnumerable<string> roles, string separator) => string.Join(separator, roles.Select(static r => $"`{r}`"));
}
