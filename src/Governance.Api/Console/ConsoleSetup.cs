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
            pages.Conventions.AllowAnonymousToPage("/Error");
        });
        services.AddAntiforgery(static antiforgery =>
        {
            antiforgery.Cookie.Name = "iamgov-antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__csrf";
        });
        return services;
    }

    /// <summary>A failure or an empty error status on a console address shows the console's error page, never a stack trace.</summary>
    public static IApplicationBuilder UseConsoleErrorPages(this IApplicationBuilder app)
        => app.UseWhen(static context => !ConsolePaths.IsApi(context.Request.Path), static console =>
        {
            console.UseExceptionHandler(ConsolePaths.Error);
            console.UseStatusCodePagesWithReExecute(ConsolePaths.Error, "?status={0}");
        });

    /// <summary>Maps the pages and the style sheet (which the sign-in page needs before anyone is signed in).</summary>
    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapGet(ConsoleStyleSheet.Path, ConsoleStyleSheet.Serve).AllowAnonymous().ExcludeFromDescription();
    }
}
