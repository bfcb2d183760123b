using System.Security.Claims;
using Governance.Api.Auth;

namespace Governance.Api.Console;

/// <summary>Who is signed in to the console, as its layout and pages show it.</summary>
/// <param name="IsSignedIn">True for a console session.</param>
/// <param name="Subject">The person's actor id (<c>sub</c>), or empty.</param>
/// <param name="Roles">The service's roles they hold, in a stable order.</param>
/// <param name="IsDemo">True for a session started by the demo sign-in.</param>
/// <param name="CanDecide">True for approvers and admins.</param>
/// <param name="IsAdmin">True for admins.</param>
internal sealed record ConsoleSession(bool IsSignedIn, string Subject, IReadOnlyList<string> Roles, bool IsDemo, bool CanDecide, bool IsAdmin)
{
    /// <summary>Reads the session from the page's user.</summary>
    public static ConsoleSession Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity || user.FindFirstValue("sub") is not { } subject)
        {
            return new ConsoleSession(false, "", [], false, false, false);
        }
        var held = user.RolesHeld();
        var roles = Governance.Core.Identity.Roles.All.Where(held.Contains).ToArray();
        return new ConsoleSession(true, subject, roles, identity.AuthenticationType == ConsoleAuthentication.DemoAuthenticationType,
            user.CanDecide(), user.IsInRole(Governance.Core.Identity.Roles.Admin));
    }
}
