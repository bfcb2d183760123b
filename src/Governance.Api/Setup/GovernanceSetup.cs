using System.Text.Json.Serialization;
using Governance.Api.Endpoints;
using Governance.Api.Health;
using Governance.Api.Problems;
using Governance.Core.Access;
using Governance.Core.Aws;
using Governance.Core.Aws.Snapshot;
using Governance.Core.Data;
using Governance.Core.Grants;
using Governance.Core.PermissionSets;
using Governance.Core.Preview;
using Governance.Core.Provisioning;
using Governance.Core.Requests;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyEngine.Catalog;

namespace Governance.Api.Setup;

/// <summary>Registers the governance services and prepares their state at start.</summary>
internal static class GovernanceSetup
{
    public static (GovernanceOptions Options, GovernancePaths Paths) AddGovernance(this WebApplicationBuilder builder)
    {
        builder.AddAppSettingsBesideBinary();
        var options = builder.Configuration.GetSection(GovernanceOptions.Section).Get<GovernanceOptions>() ?? new GovernanceOptions();
        var paths = GovernancePaths.Resolve(options);
        Directory.CreateDirectory(paths.DataDirectory);
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(paths);
        services.AddSingleton(_ => GovernancePolicies.Load(paths.PoliciesDirectory));
        services.AddSingleton(_ => AccountStateStore.Open(paths.AccountSnapshot, paths.AccountSnapshotSeed));
        services.AddSingleton<CurrentAccountAuthorizer>();
        services.AddSingleton(ActionCatalog.Default);
        services.TryAddSingleton<IAccessPreviewer, DeltaPreviewer>();
        services.TryAddSingleton<IGrantProvisioner, SnapshotGrantProvisioner>();
        services.AddAwsIntegration(AwsIntegrationOptions.Read(key => builder.Configuration[key]));
        services.AddScoped<AccessRequestService>();
        services.AddScoped<GrantService>();
        services.AddGovernanceDatabase(options.Database.Provider,
            options.Database.ConnectionString is { Length: > 0 } cs ? cs : GovernanceDatabase.SqliteConnectionString(paths.DataDirectory));

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so that BadRequestExceptionHandler can name the field in a problem response.
        services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(static o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return (options, paths);
    }

    /// <summary>Applies migrations and loads the policies and the account copy, so that a broken file stops the start.</summary>
    public static async Task InitializeGovernanceAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await GovernanceDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), app.Lifetime.ApplicationStopping);
        }
        _ = app.Services.GetRequiredService<GovernancePolicies>();
        await LoadLiveAccountAsync(app);
        _ = app.Services.GetRequiredService<AccountStateStore>();
        var options = app.Services.GetRequiredService<GovernanceOptions>();
        var paths = app.Services.GetRequiredService<GovernancePaths>();
        app.Logger.Started(paths.DataDirectory, options.Database.Provider, paths.PoliciesDirectory);
    }

    /// <summary>
    /// With <c>Governance:Account:Source=Aws</c>, reads the account from IAM at start. The first start must succeed,
    /// or the service would answer from the demo seed as if it were the real account; later starts keep the last copy
    /// when IAM cannot be read, and the refresh job tries again.
    /// </summary>
    private static async Task LoadLiveAccountAsync(WebApplication app)
    {
        if (app.Services.GetRequiredService<AwsIntegrationOptions>().Account != AccountSource.Aws)
        {
            return;
        }
        var paths = app.Services.GetRequiredService<GovernancePaths>();
        var (fetch, firstStart) = await LiveAccountRefresher.LoadAtStartAsync(app.Services, paths.AccountSnapshot, app.Lifetime.ApplicationStopping);
        if (fetch.Success)
        {
            app.Logger.LiveAccountLoaded(fetch.RequestIds.Count);
        }
        else if (firstStart)
        {
            throw new InvalidOperationException(LiveAccountRefresher.FirstStartFailure(fetch));
        }
        else
        {
            app.Logger.LiveAccountKept(fetch.Describe());
        }
    }
}
