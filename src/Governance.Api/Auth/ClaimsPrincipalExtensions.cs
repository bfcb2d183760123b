using System.Security.Claims;
using Governance.Core.Identity;

namespace Governance.Api.Auth;

/// <summary>Reads the caller's identity from the validated token.</summary>
internal static class ClaimsPrincipalExtensions
{
    /// <summary>The token's <c>sub</c> (claims are not renamed: MapInboundClaims is off).</summary>
    /// <remarks>Invariant: an authenticated caller's <c>sub</c> is a valid actor id; <see cref="TokenSubjectCheck"/> refuses any other token.</remarks>
    public static string SubjectId(this ClaimsPrincipal user)
        => user.FindFirstValue("sub") ?? throw new InvalidOperationException("authenticated user has no `sub` claim");

    /// <summary>The caller as the domain sees them.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(user.SubjectId(), user.RolesHeld());

    /// <summary>The roles the token carries, read from the configured role claim.</summary>
    public static IReadOnlySet<string> RolesHeld(this ClaimsPrincipal user)
    {
        var roleType = (user.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        return user.FindAll(roleType).Select(static c => c.Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True for approvers and admins.</summary>
    public static bool CanDecide(this ClaimsPrincipal user) => user.IsInRole(Roles.Approver) || user.IsInRole(Roles.Admin);
}
