using Governance.Api.Auth;
using Governance.Api.Endpoints;
using Governance.Api.Setup;
using Scheduler.Hosting;

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    var (options, paths) = builder.AddGovernance();
    builder.Services.AddGovernanceAuthentication(options, paths);
    builder.Services.AddGovernanceAuthorization();
    builder.Services.AddCredentialVending(builder.Configuration);
    builder.Services.AddGovernanceScheduler(builder.Configuration);

    app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapHealth();
    app.MapOpenApi().RequireAuthorization(AuthorizationPolicies.Member);
    app.MapPermissionSets();
    app.MapAccessRequests();
    app.MapGrants();
    app.MapGrantCredentials();
    app.MapAudit();
    app.MapDriftReports();
    app.MapCanI();
    app.MapSimulate();

    await app.InitializeGovernanceAsync();
}
catch (Exception e) when (StartupFailure.IsOperatorError(e))
{
    return StartupFailure.Report(e);
}
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
