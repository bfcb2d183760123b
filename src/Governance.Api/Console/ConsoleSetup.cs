using Governance.Api.Auth;

namespace Governance.Api.Console;

/// <summary>
/// The browser console: Razor Pages under <c>Console/Pages</c>, served from <c>/</c> by the same process and services as
/// the JSON API, signed in with a cookie session (<see cref="ConsoleAuthentication"/>).
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>Registers the pages; every page needs a console member unless its folder asks for more or it is the sign-in.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
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
