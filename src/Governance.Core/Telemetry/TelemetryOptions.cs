namespace Governance.Core.Telemetry;

/// <summary>The <c>Governance:Telemetry</c> section; the OTLP export is configured by the standard <c>OTEL_*</c> variables instead.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// A port on which <c>/metrics</c> is also served, without authentication and alone (any other path is a 404), for a
    /// Prometheus scraper on a private network; null (the default) serves <c>/metrics</c> only behind the admin policy.
    /// </summary>
    public int? MetricsPort { get; set; }

    /// <summary>How long the gauges' database reading is reused, in seconds (default 5): scrapes in between read no table.</summary>
    public int StateCacheSeconds { get; set; } = 5;
}
