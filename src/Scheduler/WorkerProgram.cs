using Governance.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Hosting;

namespace Scheduler;

/// <summary>The dedicated worker: runs the governance jobs without the API (<c>dotnet run --project src/Scheduler</c>).</summary>
internal static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddGovernanceWorker(builder.Configuration);
        builder.Services.AddGovernanceScheduler(builder.Configuration);
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The worker may start before the API ever has: the database must exist before the first firing.
            await GovernanceDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), CancellationToken.None);
        }
        await host.RunAsync();
    }
}
