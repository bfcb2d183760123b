using System.Security.Claims;
using Governance.Core.Hosting;
using Governance.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Governance.Api.Console.Pages;

/// <summary>
/// The sign-in page: with an authority configured, the button that starts OpenID Connect; otherwise the demo sign-in,
/// where one picks a user name and a role. The demo sign-in is refused whenever an authority is configured.
/// </summary>
public sealed class SignInModel(GovernanceOptions options, IOptionsMonitor<OpenIdConnectOptions> oidcOptions) : PageModel
{
    /// <summary>The user name typed.</summary>
    [BindProperty]
    public new string? User { get; set; }

    /// <summary>The role picked.</summary>
    [BindProperty]
    public string Role { get; set; } = Roles.Engineer;

    /// <summary>The console page to return to, local only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the user name cannot be used.</summary>
    public string? UserError { get; private set; }

    /// <summary>Why the sign-in was refused as a whole.</summary>
    public string? Refusal { get; private set; }

    /// <summary>True when people sign in at the configured authority.</summary>
    public bool UsesAuthority => ConsoleAuthentication.UsesAuthority(options);

    /// <summary>True when the OpenID Connect sign-in can start.</summary>
    public bool OidcConfigured => ConsoleAuthentication.IsOidcConfigured(options);

    /// <summary>Shows the form or the button, and why the last sign-in at the authority failed, if it did.</summary>
    public void OnGet() => Refusal = TempData[ConsoleSignInFailure.TempDataKey] as string;

    /// <summary>Starts the OpenID Connect sign-in, returning to <see cref="ReturnUrl"/>.</summary>
    public async Task<IActionResult> OnGetOidcAsync()
    {
        if (!OidcConfigured)
        {
            return NotFound();
        }
        // The challenge reads the authority's discovery document (cached once read); unreachable, it would be a 500 page.
        try
        {
            var configuration = oidcOptions.Get(ConsoleAuthentication.OidcScheme).ConfigurationManager;
            if (configuration is not null)
            {
                _ = await configuration.GetConfigurationAsync(HttpContext.RequestAborted);
            }
        }
        catch (InvalidOperationException)
        {
            Refusal = ConsoleSignInFailure.Unreachable;
            var page = Page();
            page.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return page;
        }
        return Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl() }, ConsoleAuthentication.OidcScheme);
    }

    /// <summary>The demo sign-in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (UsesAuthority)
        {
            Refusal = $"The demo sign-in is off: this service signs people in at {options.Auth.Authority}.";
            return Forbidden();
        }
        if (ActorIdRule.Refusal(User ?? "") is { } refusal)
        {
            UserError = $"The user name {refusal}.";
            return Page();
        }
        if (!Roles.All.Contains(Role, StringComparer.Ordinal))
        {
            Refusal = "Pick one of the roles listed.";
            return Page();
        }
        var identity = ConsoleAuthentication.Identity(
            [new Claim("sub", User!), new Claim(options.Auth.RoleClaim, Role)], ConsoleAuthentication.DemoAuthenticationType, options);
        await HttpContext.SignInAsync(ConsoleAuthentication.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(LocalReturnUrl());
    }

    private PageResult Forbidden()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    private string LocalReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
