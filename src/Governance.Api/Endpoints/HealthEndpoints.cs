using Governance.Api.Health;

namespace Governance.Api.Endpoints;

/// <summary><c>/health/live</c> (the process runs) and <c>/health/ready</c> (the database answers): the only anonymous endpoints.</summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = static _ => false, ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous()
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new() { Predicate = static c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
