namespace Governance.Api.Protection;

/// <summary>The headers every answer carries: nothing is sniffed into another type, cached, framed or loaded from elsewhere.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Nothing loads and nothing frames the answer; the drift report's HTML needs only its own inline <c>&lt;style&gt;</c>,
    /// <c>style</c> attributes and inline SVG (which CSP does not restrict). JSON answers carry it too, where it costs nothing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Sets the headers as each answer starts, so that problems, health reports and error pages carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
        => app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                // Answers hold grants, audit events and credentials: no shared or private cache keeps them.
                headers.CacheControl = "no-store";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
