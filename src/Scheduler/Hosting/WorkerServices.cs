using Governance.Core.Aws;
using Governance.Core.Data;
using Governance.Core.Grants;
using Governance.Core.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Hosting;

/// <summary>The domain services the jobs need, for the dedicated worker; in the API process its own setup registers them.</summary>
/// <remarks>Reads the same <c>Governance</c> section as the API, so both work on the same data folder and database.</remarks>
internal static class WorkerServices
{
    public static IServiceCollection AddGovernanceWorker(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Governance");
        var paths = SchedulerPaths.Resolve(configuration);
        var (data, policies) = (paths.DataDirectory, paths.PoliciesDirectory);
        var seed = section["AccountSnapshotSeed"] is { Length: > 0 } s ? Path.GetFullPath(s) : Path.Combine(policies, "demo-account.json");
        var provider = section.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        Directory.CreateDirectory(data);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => AccountStateStore.Open(Path.Combine(data, "account.json"), seed));
        services.TryAddSingleton<IGrantProvisioner, SnapshotGrantProvisioner>();
        services.AddAwsIntegration(AwsIntegrationOptions.Read(key => configuration[key]));
        services.AddScoped<GrantService>();
        services.AddGovernanceDatabase(provider,
            section["Database:ConnectionString"] is { Length: > 0 } cs ? cs : GovernanceDatabase.SqliteConnectionString(data));
        return services;
    }
}
