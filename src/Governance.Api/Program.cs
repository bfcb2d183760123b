using Governance.Api.Auth;
using Governance.Api.Console;
using Governance.Api.Endpoints;
using Governance.Api.Health;
using Governance.Api.Protection;
using Governance.Api.Setup;
using Governance.Core.Hosting;
using Scheduler.Hosting;
using Scheduler.Notifications;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

WebApplication app;
OwnerOnlyCreation.Apply();
try
{
    var builder = WebApplication.CreateBuilder(args);
    var (options, paths) = builder.AddGovernance();
    builder.AddGovernanceTelemetry(options.Telemetry);
    builder.Services.AddSystemdReadiness();
    builder.Services.AddGovernanceAuthentication(options, paths);
    builder.Services.AddGovernanceAuthorization();
    builder.Services.AddConsole(paths);
    builder.Services.AddGovernanceScheduler(builder.Configuration);
    builder.Services.AddGovernanceNotifications(builder.Configuration);
    builder.Services.AddGovernanceRateLimits(builder.Configuration);

    app = builder.Build();
    app.UseGovernanceTelemetry(options.Telemetry);
    app.UseSecurityHeaders(options.Auth.Authority);
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseConsoleErrorPages();
    app.UseRequestBodyLimits();
    app.UseAddressRateLimit();
    app.UseAuthentication();
    app.UseSubjectRateLimit();
    app.UseAuthorization();
    app.UseQueryParameterCheck();

    app.MapHealth();
    app.MapMetrics();
    app.MapOpenApi().RequireAuthorization(AuthorizationPolicies.Member);
    app.MapPermissionSets();
    app.MapAccessRequests();
    app.MapGrants();
    app.MapGrantCredentials();
    app.MapAudit();
    app.MapDriftReports();
    app.MapCanI();
    app.MapOrganization();
    app.MapSimulate();
    app.MapConsole();

    await app.InitializeGovernanceAsync();
    // Started inside the try: options validated at start (ValidateOnStart) fail here, in one line.
    await app.StartAsync();
}
catch (Exception e) when (StartupFailure.IsOperatorError(e))
{
    return StartupFailure.Report("Governance.Api", e);
}
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
