using Governance.Core.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace Governance.Api.Console;

/// <summary>OpenID Connect sign-in for the console: authorization code with PKCE at <c>Governance:Auth:Authority</c>.</summary>
internal static class ConsoleOpenIdConnect
{
    /// <summary>Adds <see cref="ConsoleAuthentication.OidcScheme"/>, signing into <see cref="ConsoleAuthentication.CookieScheme"/>.</summary>
    public static AuthenticationBuilder AddConsoleOpenIdConnect(this AuthenticationBuilder builder, GovernanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // TODO(oidc helper): Microsoft.AspNetCore.Authentication.OpenIdConnect with PKCE, sub and role claim mapping.
        return builder;
    }
}
