using Governance.Api.Auth;
using Governance.Core.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Governance.Api.Setup;

/// <summary>
/// OpenTelemetry for the API process and the jobs it hosts: traces of HTTP requests, database calls and AWS calls;
/// ASP.NET Core's and the service's metrics (<see cref="GovernanceMetrics"/>), as Prometheus text at <c>/metrics</c>
/// and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, exported by OTLP with the other standard <c>OTEL_*</c> settings.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The scrape path, on the service's ports (admins) and on the metrics port (anyone who reaches it).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The service name in traces and metrics unless <c>OTEL_SERVICE_NAME</c> names another.</summary>
    public const string ServiceName = "iamgov";

    public static void AddGovernanceTelemetry(this WebApplicationBuilder builder, TelemetryOptions options)
    {
        var configuration = builder.Configuration;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString());
                }
            })
            .WithMetrics(static metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(GovernanceMetrics.MeterName)
                .AddPrometheusExporter());
        // Traces have no reader but OTLP: without an endpoint they are not recorded at all (the logs' trace ids come
        // from ASP.NET Core's own activity either way).
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(static tracing => tracing
                // Health probes and scrapes arrive every few seconds and say nothing about the service's work.
                .AddAspNetCoreInstrumentation(static o => o.Filter = static context => !IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation(static o => o.EnrichWithHttpRequestMessage = AwsSpanTags.Enrich)
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql());
            telemetry.UseOtlpExporter();
        }
        if (options.MetricsPort is { } port)
        {
            MetricsPortAddress.Add(builder, port);
        }
    }

    /// <summary>
    /// Starts the providers now, so that what start-up does (the account read from AWS) is traced too; and on the metrics
    /// port, serves <c>/metrics</c> without authentication and nothing else: the connection's local port decides, never
    /// the Host header a client writes. Called first, so no other middleware runs for that port.
    /// </summary>
    public static void UseGovernanceTelemetry(this WebApplication app, TelemetryOptions options)
    {
        _ = app.Services.GetService<TracerProvider>();
        _ = app.Services.GetService<MeterProvider>();
        if (options.MetricsPort is not { } port)
        {
            return;
        }
        app.MapWhen(context => context.Connection.LocalPort == port, static branch =>
        {
            branch.UseOpenTelemetryPrometheusScrapingEndpoint(static context => context.Request.Path == MetricsPath);
            branch.Run(static context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    /// <summary><c>/metrics</c> on the service's own ports, for admins only (the request counts by route, the queue's size and age).</summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder app)
        => app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(AuthorizationPolicies.Admin);

    private static bool IsProbeOrScrape(PathString path)
        => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
