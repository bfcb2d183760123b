using Governance.Api.Console;
using Governance.Core.Reports.Html;

namespace Governance.Api.Protection;

/// <summary>The headers every answer carries: nothing is sniffed into another type, cached, framed or loaded from elsewhere.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Nothing loads and nothing frames the answer; the reports' HTML needs only its own inline <c>&lt;style&gt;</c>,
    /// <c>style</c> attributes, inline SVG (which CSP does not restrict) and its one search script, allowed by its hash
    /// (<see cref="ReportScript"/>) and no other script. JSON answers carry it too, where it costs nothing.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src {ReportScript.ContentSecurityPolicySource}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The console's pages: its own style sheet, forms that post to the console alone, no script at all (every action is a
    /// form), no framing. A sign-out or sign-in form may be redirected to the configured authority, so it is allowed as a target.
    /// </summary>
    public static string ConsoleContentSecurityPolicy(string? authority)
        => $"default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'{FormTarget(authority)}; frame-ancestors 'none'";

    /// <summary>Sets the headers as each answer starts, so that problems, health reports and error pages carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? authority)
    {
        var console = ConsoleContentSecurityPolicy(authority);
        return app.Use((context, next) =>
        {
            var api = ConsolePaths.IsApi(context.Request.Path);
            context.Response.OnStarting(() =>
            {
                // Chosen as the answer starts, when routing has found the endpoint: a console report page asks for the reports' policy.
                var report = context.GetEndpoint()?.Metadata.GetMetadata<ReportContentSecurityPolicyAttribute>() is not null;
                var policy = api || report ? ContentSecurityPolicy : console;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // Answers hold grants, audit events and credentials: no shared or private cache keeps them.
                headers.CacheControl = "no-store";
                headers.ContentSecurityPolicy = policy;
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static string FormTarget(string? authority)
        => Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? $" {uri.GetLeftPart(UriPartial.Authority)}" : "";
}
