using Governance.Api.Auth;
using Governance.Core.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Governance.Api.Console;

/// <summary>
/// The browser console: Razor Pages under <c>Console/Pages</c>, served from <c>/</c> by the same process and services as
/// the JSON API, signed in with a cookie session (<see cref="ConsoleAuthentication"/>).
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>The data folder's sub-folder that holds the console's data-protection keys (mode 0700, as the service's umask makes it).</summary>
    public const string KeysFolderName = "console-keys";

    /// <summary>Registers the pages; every page needs a console member unless its folder asks for more or it is the sign-in.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services, GovernancePaths paths)
    {
        // The keys that seal sessions and antiforgery tokens live in the data folder, which a cluster's nodes share as
        // they share the token signing key: a session started on one node is good on the others and across restarts.
        // Not in the database: whoever can write to it must not be able to mint an approver's session.
        services.AddDataProtection()
            .SetApplicationName("iamgov-console")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.DataDirectory, KeysFolderName)));
        services.AddRazorPages(static pages =>
        {
            pages.RootDirectory = "/Console/Pages";
            pages.Conventions.AuthorizeFolder("/", AuthorizationPolicies.ConsoleMember);
            pages.Conventions.AuthorizeFolder("/Approvals", AuthorizationPolicies.ConsoleDecider);
            pages.Conventions.AuthorizeFolder("/Audit", AuthorizationPolicies.ConsoleDecider);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        });
        services.Configure<RouteOptions>(static routes => routes.SetParameterPolicy<ConsoleRouteConstraint>(ConsoleRouteConstraint.Name));
        services.AddAntiforgery(static antiforgery =>
        {
            antiforgery.Cookie.Name = "iamgov-antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__csrf";
        });
        return services;
    }

    /// <summary>Maps the pages and the style sheet (which the sign-in page needs before anyone is signed in).</summary>
    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapGet(ConsoleStyleSheet.Path, ConsoleStyleSheet.Serve).AllowAnonymous().ExcludeFromDescription();
        // Any other console address is not found (after sign-in, so that it tells nothing before); the JSON API's own
        // addresses keep their answers.
        app.MapFallback("{**path:" + ConsoleRouteConstraint.Name + "}", static () => Results.NotFound())
            .RequireAuthorization(AuthorizationPolicies.ConsoleMember).ExcludeFromDescription();
    }
}
