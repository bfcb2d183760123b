using System.Security.Claims;
using Governance.Core.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace Governance.Api.Console;

/// <summary>
/// The console's sign-in: a cookie session, started by OpenID Connect at the configured authority, or, with none
/// configured, by the demo sign-in page. The JSON API never reads this cookie: it keeps bearer tokens, so a page elsewhere
/// cannot make a signed-in browser call it.
/// </summary>
internal static class ConsoleAuthentication
{
    /// <summary>The cookie session's scheme.</summary>
    public const string CookieScheme = "console";

    /// <summary>The OpenID Connect scheme that starts a session when an authority is configured.</summary>
    public const string OidcScheme = "console-oidc";

    /// <summary>The identity's authentication type for a demo session.</summary>
    public const string DemoAuthenticationType = "console-demo";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "iamgov-console";

    /// <summary>Adds the cookie session (and OpenID Connect when an authority is configured) beside the bearer scheme.</summary>
    public static AuthenticationBuilder AddConsoleSignIn(this AuthenticationBuilder builder, GovernanceOptions options)
    {
        var console = options.Console;
        builder.AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the console is reached over https; the embedded default serves http on localhost.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(console.SessionMinutes);
            cookie.SlidingExpiration = false;
            cookie.LoginPath = ConsolePaths.SignIn;
            cookie.LogoutPath = ConsolePaths.SignOut;
            cookie.AccessDeniedPath = ConsolePaths.Denied;
            cookie.ReturnUrlParameter = "returnUrl";
        });
        if (IsOidcConfigured(options))
        {
            builder.AddConsoleOpenIdConnect(options);
        }
        return builder;
    }

    /// <summary>True when people sign in at the configured authority; the demo sign-in is refused then.</summary>
    public static bool UsesAuthority(GovernanceOptions options) => !string.IsNullOrWhiteSpace(options.Auth.Authority);

    /// <summary>True when the console can start an OpenID Connect sign-in: an authority and a client id.</summary>
    public static bool IsOidcConfigured(GovernanceOptions options) => UsesAuthority(options) && !string.IsNullOrWhiteSpace(options.Console.ClientId);

    /// <summary>The identity a console session carries: <c>sub</c> names the person, the configured claim their roles.</summary>
    public static ClaimsIdentity Identity(IEnumerable<Claim> claims, string authenticationType, GovernanceOptions options)
        => new(claims, authenticationType, "sub", options.Auth.RoleClaim);
}
