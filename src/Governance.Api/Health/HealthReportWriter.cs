using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Health;

/// <summary>
/// Writes a health report as JSON with each check's status and description, so that an unready service says what is
/// wrong (<c>{"status":"Unhealthy","checks":{"database":{"status":"Unhealthy","description":"…"}}}</c>) rather than
/// the bare word the default writer gives.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                static e => e.Key,
                static e => new { status = e.Value.Status.ToString(), description = e.Value.Description },
                StringComparer.Ordinal),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
