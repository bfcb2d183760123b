using Governance.Core.Aws;
using Governance.Core.Aws.Snapshot;
using Governance.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Hosting;

namespace Scheduler;

/// <summary>The dedicated worker: runs the governance jobs without the API (<c>dotnet run --project src/Scheduler</c>).</summary>
internal static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
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
        if (host.Services.GetRequiredService<AwsIntegrationOptions>().Account == AccountSource.Aws)
        {
            // As the API does at start: a worker alone on a fresh data folder must not audit the demo seed as the account.
            var accountPath = Path.Combine(SchedulerPaths.Resolve(builder.Configuration).DataDirectory, "account.json");
            var (fetch, firstStart) = await LiveAccountRefresher.LoadAtStartAsync(host.Services, accountPath, CancellationToken.None);
            if (!fetch.Success && firstStart)
            {
                await Console.Error.WriteLineAsync($"Scheduler: cannot start: {LiveAccountRefresher.FirstStartFailure(fetch)}");
                return 1;
            }
        }
        await host.RunAsync();
        return 0;
    }
}
