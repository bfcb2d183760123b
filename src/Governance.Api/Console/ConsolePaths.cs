namespace Governance.Api.Console;

/// <summary>The console's addresses that code elsewhere names (sign-in, links in notifications).</summary>
internal static class ConsolePaths
{
    /// <summary>The sign-in page: the demo form, or the button that starts OpenID Connect.</summary>
    public const string SignIn = "/signin";

    /// <summary>Ends the session (a form post).</summary>
    public const string SignOut = "/signout";

    /// <summary>Shown when a signed-in person opens a page their roles do not reach.</summary>
    public const string Denied = "/denied";

    /// <summary>A request's page.</summary>
    public static string Request(Guid id) => $"/requests/{id}";

    /// <summary>True for the JSON API's and the operators' addresses, which the console's pages, cookie and error pages never handle.</summary>
    public static bool IsApi(PathString path)
        => path.StartsWithSegments("/v1") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
            || path.StartsWithSegments(Setup.TelemetrySetup.MetricsPath);
}
