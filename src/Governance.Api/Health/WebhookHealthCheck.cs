using System.Data.Common;
using System.Globalization;
using Governance.Core.Notifications;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Health;

/// <summary>Degraded while a webhook's most recent delivery attempt failed, naming the webhook and the error.</summary>
/// <remarks>
/// Read from the outbox, so every node reports what any node's attempt found. The endpoints are anonymous: the report
/// names the webhook by its configured name and the error by status code or transport error, never the URL or secret.
/// Degraded, not unhealthy: a receiver that is down does not make this node unfit to serve.
/// </remarks>
internal sealed class WebhookHealthCheck(DeliveryQueue queue) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<WebhookStatus> statuses;
        try
        {
            statuses = await queue.StatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The database check reports the outage; this one cannot tell anything then.
            return HealthCheckResult.Degraded("webhook deliveries unknown: the database does not answer");
        }
        var failing = statuses.Where(static s => s.Failing || s.GivenUp > 0).ToList();
        if (failing.Count == 0)
        {
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{statuses.Count} webhook(s) delivering"));
        }
        return HealthCheckResult.Degraded(string.Join("; ", failing.Select(static s => string.Create(CultureInfo.InvariantCulture,
            $"webhook `{s.Webhook}`: {(s.Failing ? $"last attempt failed: {s.LastError} at {s.LastAttemptAt:u}" : "last attempt succeeded")}; {s.Retrying} waiting for a retry, {s.GivenUp} given up"))));
    }
}
