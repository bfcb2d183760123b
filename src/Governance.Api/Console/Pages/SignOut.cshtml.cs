using Governance.Core.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages;

/// <summary>Ends the console session (a form post, so another site cannot sign one out); at the authority too when it started there.</summary>
public sealed class SignOutModel(GovernanceOptions options) : PageModel
{
    /// <summary>Asks to confirm with a form post.</summary>
    public void OnGet()
    {
    }

    /// <summary>Ends the session.</summary>
    public IActionResult OnPost()
    {
        var properties = new AuthenticationProperties { RedirectUri = ConsolePaths.SignIn };
        return User.Identity?.AuthenticationType != ConsoleAuthentication.DemoAuthenticationType && ConsoleAuthentication.IsOidcConfigured(options)
            ? SignOut(properties, ConsoleAuthentication.CookieScheme, ConsoleAuthentication.OidcScheme)
            : SignOut(properties, ConsoleAuthentication.CookieScheme);
    }
}
