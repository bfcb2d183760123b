using Governance.Api.Auth;
using Governance.Core.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Governance.Api.Console;

/// <summary>OpenID Connect sign-in for the console: authorization code with PKCE at <c>Governance:Auth:Authority</c>.</summary>
/// <remarks>
/// The id_token is checked as the bearer API checks its tokens (<see cref="AuthorityTokenParameters"/>, with the client
/// id as audience) and its <c>sub</c> by the same rule (<see cref="TokenSubjectCheck"/>); roles come from the configured
/// role claim, in the id_token or the userinfo answer. The session is the console's cookie and lasts
/// <c>Governance:Console:SessionMinutes</c>, whatever the tokens' lifetimes.
/// </remarks>
internal static class ConsoleOpenIdConnect
{
    /// <summary>Adds <see cref="ConsoleAuthentication.OidcScheme"/>, signing into <see cref="ConsoleAuthentication.CookieScheme"/>.</summary>
    public static AuthenticationBuilder AddConsoleOpenIdConnect(this AuthenticationBuilder builder, GovernanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Auth;
        var console = options.Console;
        return builder.AddOpenIdConnect(ConsoleAuthentication.OidcScheme, "your organisation", oidc =>
        {
            oidc.Authority = auth.Authority;
            oidc.ClientId = console.ClientId;
            oidc.ClientSecret = console.ClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            // The answer comes back in the query of a top-level GET, which carries SameSite=Lax cookies: no cross-site
            // form post that would need the correlation and nonce cookies to be SameSite=None (and so https everywhere).
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.SignInScheme = ConsoleAuthentication.CookieScheme;
            oidc.SignOutScheme = ConsoleAuthentication.CookieScheme;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            foreach (var scope in console.Scopes.Where(static s => !string.IsNullOrWhiteSpace(s)))
            {
                oidc.Scope.Add(scope);
            }
            // Keep claim names as issued (`sub`, `role`), so the configured role claim means what it says.
            oidc.MapInboundClaims = false;
            oidc.TokenValidationParameters = AuthorityTokenParameters.For(auth, console.ClientId!);
            oidc.GetClaimsFromUserInfoEndpoint = true;
            oidc.ClaimActions.Add(new RoleClaimAction(auth.RoleClaim));
            // The session lasts SessionMinutes from sign-in, not as long as the id_token happens to.
            oidc.UseTokenLifetime = false;
            // Kept for the end-session request's id_token_hint; see OnTicketReceived for what is kept.
            oidc.SaveTokens = true;
            oidc.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = static context =>
                {
                    if (TokenSubjectCheck.Refusal(context.Principal) is { } refusal)
                    {
                        context.Fail(new SubjectRefusedException(refusal));
                    }
                    return Task.CompletedTask;
                },
                OnTicketReceived = static context =>
                {
                    // The session needs only the id_token (the hint at sign-out); the access and refresh tokens are never used.
                    var idToken = context.Properties?.GetTokens().Where(static t => t.Name == OpenIdConnectParameterNames.IdToken).ToArray() ?? [];
                    context.Properties?.StoreTokens(idToken);
                    return Task.CompletedTask;
                },
                OnRedirectToIdentityProviderForSignOut = static context =>
                {
                    // A provider without an end-session endpoint: the console's session has ended; go to the sign-in
                    // page rather than the handler's exception.
                    if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
                    {
                        context.Response.Redirect(context.Properties.RedirectUri ?? ConsolePaths.SignIn);
                        context.HandleResponse();
                    }
                    return Task.CompletedTask;
                },
                OnRemoteFailure = static context =>
                {
                    // A refusal, a provider that cannot be reached or a stale or forged answer: the sign-in page says
                    // which in words, never a 500 with a stack trace.
                    var message = ConsoleSignInFailure.Describe(context.Failure);
                    ApiLog.ConsoleSignInFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleOpenIdConnect)),
                        context.Failure?.GetType().Name ?? "none", ApiLog.Printable(context.Failure?.Message ?? ""));
                    ConsoleSignInFailure.Keep(context.HttpContext, message);
                    // The sign-in page keeps the return address only when it is the console's own.
                    var returnUrl = context.Properties?.RedirectUri is { Length: > 0 } back ? $"?returnUrl={Uri.EscapeDataString(back)}" : "";
                    context.Response.Redirect(ConsolePaths.SignIn + returnUrl);
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
    }
}
