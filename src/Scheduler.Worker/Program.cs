using Governance.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Hosting;
using Scheduler.Notifications;

// The dedicated worker: runs the governance jobs without the API (dotnet run --project src/Scheduler.Worker).
const string Program = "Scheduler.Worker";
IHost host;
OwnerOnlyCreation.Apply();
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    builder.Services.AddGovernanceCore(builder.Configuration);
    builder.Services.AddGovernanceScheduler(builder.Configuration);
    builder.Services.AddGovernanceNotifications(builder.Configuration);
    host = builder.Build();
    await GovernanceStartup.InitializeAsync(host.Services, CancellationToken.None);
    await host.StartAsync();
}
catch (Exception e) when (StartupFailure.IsOperatorError(e))
{
    return StartupFailure.Report(Program, e);
}
await host.WaitForShutdownAsync();
host.Dispose();
return 0;
